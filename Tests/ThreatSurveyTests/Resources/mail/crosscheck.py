#!/usr/bin/env python3
"""Reads every .eml of a folder with Python's email parser and writes what it found as JSON:
the cross-check of threatsurvey's MIME reader (MIMETests.pythonAgrees compares with it)."""
import sys, os, json, hashlib, email
from email import policy
from email.utils import parsedate_to_datetime, getaddresses

def summary(msg):
    def addr(value):
        return [{"name": n or None, "address": a} for n, a in getaddresses([str(value)])] if value else []
    frm = addr(msg["From"])
    to = []
    for v in msg.get_all("To", []): to += addr(v)
    date = msg["Date"]
    sent = parsedate_to_datetime(str(date)).timestamp() if date else None
    rec = msg.get_all("Received")
    received = None
    if rec:
        received = parsedate_to_datetime(str(rec[0]).rsplit(";", 1)[1].strip()).timestamp()
    body = None
    b = msg.get_body(preferencelist=("plain",))
    if b is not None and b.get_filename() is None:
        body = b.get_content().replace("\r\n", "\n")
    attachments = []
    def walk(part):
        if part.is_multipart() and part.get_content_maintype() == "multipart":
            for p in part.iter_parts(): walk(p)
            return
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload()[0]
            attachments.append({"name": part.get_filename(), "mediaType": "message/rfc822",
                                "message": summary(inner)})
            return
        if part.get_content_disposition() == "attachment" or part.get_filename():
            data = part.get_payload(decode=True) or b""
            attachments.append({"name": part.get_filename(), "mediaType": part.get_content_type(),
                                "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()})
    if msg.is_multipart():
        for p in msg.iter_parts(): walk(p)
    return {"from": frm[0] if frm else None, "to": to, "subject": str(msg["Subject"] or ""),
            "sent": sent, "received": received, "body": body, "attachments": attachments,
            "defects": [type(d).__name__ for d in msg.defects]}

folder = sys.argv[1]
result = {}
for name in sorted(os.listdir(folder)):
    if name.endswith(".eml"):
        with open(os.path.join(folder, name), "rb") as f:
            result[name] = summary(email.message_from_binary_file(f, policy=policy.default))
json.dump(result, sys.stdout, indent=1, ensure_ascii=False, sort_keys=True)
print()
