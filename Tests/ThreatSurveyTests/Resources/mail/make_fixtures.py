#!/usr/bin/env python3
"""Writes the .eml fixtures of Tests/ThreatSurveyTests/Resources/mail with Python's email package."""
import sys, os
from email.message import EmailMessage
from email.headerregistry import Address
from email import policy
from email.utils import format_datetime
from email.header import Header
import datetime

out = sys.argv[1]
def write(name, msg, linesep="\r\n"):
    data = msg.as_bytes(policy=msg.policy.clone(linesep=linesep))
    with open(os.path.join(out, name), "wb") as f: f.write(data)

tz = datetime.timezone(datetime.timedelta(hours=1))

# 1. Answer as an attachment with a non-ASCII name (RFC 2231) and a French QP body.
m = EmailMessage()
m["From"] = Address("Délégation française", addr_spec="delegation@rpfrance.eu")
m["To"] = "Secrétariat <secretariat@consilium.europa.eu>, \"Dupont, Marie\" <marie.dupont@example.fr>"
m["Subject"] = "Réponse au questionnaire 9396/1/15"
m["Date"] = "Tue, 17 Nov 2026 09:30:00 +0100"
m["Received"] = "from mx.rpfrance.eu (mx.rpfrance.eu [192.0.2.1]) by mail.consilium.europa.eu with ESMTPS id 4F2; Tue, 17 Nov 2026 09:31:12 +0100"
m.add_header("Received", "from [10.0.0.5] by mx.rpfrance.eu; Tue, 17 Nov 2026 09:30:05 +0100")
m.set_content("Madame, Monsieur,\n\nVeuillez trouver ci-joint la réponse de la France : priorité 1, la cybercriminalité ; priorité 2, la traite des êtres humains.\n\nCordialement,\nLa délégation\n", charset="utf-8", cte="quoted-printable")
m.add_attachment(b"threat,priority\ncybercrime,1\ntrafficking-human-beings,2\n", maintype="text", subtype="csv", filename="réponse naïve.csv")
m.add_attachment(bytes(range(256)) * 4, maintype="application", subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename="naïve.xlsx")
write("fr-attachment.eml", m)

# 2. ISO-8859-1 subject in an encoded word, ISO-8859-1 QP body, LF line ends, no MIME-Version.
raw = (
 "From: =?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>\n"
 "To: secretariat@consilium.europa.eu\n"
 "Subject: =?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?=\n"
 " =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?=\n"
 "Date: 17 Nov 26 09:30 EST\n"
 "Content-Type: text/plain; charset=ISO-8859-1\n"
 "Content-Transfer-Encoding: quoted-printable\n"
 "\n"
 "Priorit=E9 : cybercriminalit=E9, =\n"
 "blanchiment.\n")
open(os.path.join(out, "latin1-subject.eml"), "wb").write(raw.encode("ascii"))

# 3. A forwarded message as message/rfc822.
inner = EmailMessage()
inner["From"] = "Polish delegation <pl@mfa.gov.pl>"
inner["To"] = "secretariat@consilium.europa.eu"
inner["Subject"] = "Odpowiedź: kwestionariusz"
inner["Date"] = "Mon, 16 Nov 2026 14:00:00 +0100"
inner.set_content("Zagrożenia: cyberprzestępczość, handel ludźmi.\n")
inner.add_attachment(b"threat\ncybercrime\n", maintype="text", subtype="csv", filename="pl.csv")
outer = EmailMessage()
outer["From"] = "Clerk <clerk@consilium.europa.eu>"
outer["To"] = "Officer <officer@consilium.europa.eu>"
outer["Subject"] = "Fwd: Odpowiedź: kwestionariusz"
outer["Date"] = "Mon, 16 Nov 2026 15:00:00 +0000"
outer.set_content("See the forwarded answer.\n")
outer.add_attachment(inner)
write("forwarded.eml", outer)

# 4. HTML only.
h = EmailMessage()
h["From"] = '"Ministère de l\'Intérieur" <contact@interieur.gouv.fr>'
h["To"] = "secretariat@consilium.europa.eu"
h["Subject"] = "Réponse"
h["Date"] = "Wed, 18 Nov 2026 08:00:00 +0100"
h.set_content("<html><head><title>x</title><style>p{color:red}</style></head><body>"
              "<p>Nos priorit&eacute;s&nbsp;:</p><ul><li>Cybercriminalit&#233;</li><li>Traite des &#xEA;tres humains</li></ul>"
              "<p>Cordialement,<br>La d&eacute;l&eacute;gation &amp; l'&eacute;quipe</p></body></html>", subtype="html")
write("html-only.eml", h)

# 5. Outlook-style: multipart/mixed > multipart/alternative (text+html), winmail-like headers,
# attachment name only in Content-Type name= as an RFC 2047 word, windows-1252 text.
raw = (
 "Received: from EXCH01.example.de (10.1.1.1) by EXCH02.example.de (10.1.1.2) with Microsoft SMTP\r\n"
 " Server (version=TLS1_2) id 15.1.2507.39; Thu, 19 Nov 2026 10:15:42 +0100\r\n"
 "Received: from EXCH00.example.de ([10.1.1.0]) by EXCH01.example.de; Thu, 19 Nov 2026 10:15:40 +0100\r\n"
 "From: \"M\xfcller, J\xfcrgen (AA)\" <juergen.mueller@auswaertiges-amt.de>\r\n"
 "To: \"Secretariat\" <secretariat@consilium.europa.eu>\r\n"
 "Subject: =?windows-1252?Q?Antwort_=96_Fragebogen?=\r\n"
 "Thread-Topic: Antwort - Fragebogen\r\n"
 "Thread-Index: AQHXabcdEFGHijklMNOPqrstUVWXyz==\r\n"
 "Date: Thu, 19 Nov 2026 09:15:40 +0000\r\n"
 "Message-ID: <AM0PR01MB1234@EXCH01.example.de>\r\n"
 "Accept-Language: de-DE, en-US\r\n"
 "Content-Language: de-DE\r\n"
 "X-MS-Has-Attach: yes\r\n"
 "X-MS-TNEF-Correlator: <AM0PR01MB1234@EXCH01.example.de>\r\n"
 "x-ms-exchange-transport-fromentityheader: Hosted\r\n"
 "Content-Type: multipart/mixed;\r\n"
 "\tboundary=\"_004_AM0PR01MB1234_\"\r\n"
 "MIME-Version: 1.0\r\n"
 "\r\n"
 "--_004_AM0PR01MB1234_\r\n"
 "Content-Type: multipart/alternative;\r\n"
 "\tboundary=\"_000_AM0PR01MB1234_\"\r\n"
 "\r\n"
 "--_000_AM0PR01MB1234_\r\n"
 "Content-Type: text/plain; charset=\"windows-1252\"\r\n"
 "Content-Transfer-Encoding: quoted-printable\r\n"
 "\r\n"
 "Sehr geehrte Damen und Herren,\r\n"
 "\r\n"
 "anbei unsere Antwort =96 Priorit=E4t: Cyberkriminalit=E4t.\r\n"
 "\r\n"
 "--_000_AM0PR01MB1234_\r\n"
 "Content-Type: text/html; charset=\"windows-1252\"\r\n"
 "Content-Transfer-Encoding: quoted-printable\r\n"
 "\r\n"
 "<html><body><p>Sehr geehrte Damen und Herren,</p></body></html>\r\n"
 "\r\n"
 "--_000_AM0PR01MB1234_--\r\n"
 "\r\n"
 "--_004_AM0PR01MB1234_\r\n"
 "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;\r\n"
 "\tname=\"=?utf-8?B?QW50d29ydF9GcmFnZWJvZ2VuX8OcYmVyc2ljaHQueGxzeA==?=\"\r\n"
 "Content-Description: Antwort.xlsx\r\n"
 "Content-Transfer-Encoding: base64\r\n"
 "\r\n"
 "UEsDBBQABgAIAAAAIQBi7p1oXgEAAJAEAAATAAgCW0NvbnRlbnRfVHlwZXNdLnhtbCCiBAIooAAC\r\n"
 "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\r\n"
 "\r\n"
 "--_004_AM0PR01MB1234_--\r\n")
open(os.path.join(out, "outlook.eml"), "wb").write(raw.encode("latin-1"))

# 6. RFC 2231 continuations, a group in To, a missing close delimiter, preamble and epilogue-less.
raw = (
 "From: Ireland <answers@dfa.ie> (Department of Foreign Affairs)\r\n"
 "To: Delegations: a@x.eu, \"B, the second\" <b@y.eu>;, c@z.eu\r\n"
 "Subject: =?UTF-8?Q?Caf=C3=A9?= =?UTF-8?Q?_cr=C3=A8me?=\r\n"
 "Date: Fri, 20 Nov 2026 12:00 (no seconds) +0000\r\n"
 "MIME-Version: 1.0\r\n"
 "Content-Type: multipart/mixed; boundary=frontier\r\n"
 "\r\n"
 "This is the preamble; it is ignored.\r\n"
 "--frontier\r\n"
 "Content-Type: text/plain\r\n"
 "\r\n"
 "Answers attached.\r\n"
 "--frontier\r\n"
 "Content-Type: application/octet-stream\r\n"
 "Content-Disposition: attachment;\r\n"
 " filename*0*=UTF-8''r%C3%A9ponse%20;\r\n"
 " filename*1=\"finale\";\r\n"
 " filename*2=\".json\"\r\n"
 "Content-Transfer-Encoding: base64\r\n"
 "\r\n"
 "eyJkZWxlZ2F0aW9uIjogIklFIn0K\r\n")
open(os.path.join(out, "continuations.eml"), "wb").write(raw.encode("ascii"))
print("ok")
