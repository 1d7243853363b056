import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// CONTRACT.md, "Intake rules added", Forwarded answers: an answer forwarded by someone who is
/// not a delegation counts at the forwarded message's Date; a delegation forwarding its own
/// earlier mail is judged by the forward; `inspect` shows the inner message.
@Suite("Forwarded answers")
struct ForwardedAnswerTests {
    typealias F = MSGFixture

    let folder: String
    var store: String { folder + "/store.sqlite" }
    /// PL and RO delegations, as `deadline --reminders` uses them.
    var contacts: String { folder + "/contacts.csv" }

    init() throws {
        folder = try TestSupport.temporaryFolder()
        try TestSupport.write(
            "delegation,email\nPL,jan.kowalski@pl-rep.example.org\nRO,ioana.popescu@ro-rep.example.org\n",
            to: folder + "/contacts.csv")
    }

    /// RO's answer, sent on the deadline day (16:05 in Brussels).
    static let answer =
        "From: Ioana Popescu <ioana.popescu@ro-rep.example.org>\nTo: desk.officer@consilium.example.eu\n"
        + "Subject: 9396/1/15 RO\nDate: Mon, 7 Sep 2015 17:05:00 +0300\nMIME-Version: 1.0\n"
        + "Content-Type: text/plain; charset=utf-8\n\nRomania: firearms and drugs.\n"

    /// A mail from `from`, on the day after the deadline, forwarding `inner` as message/rfc822.
    static func attachedForward(
        from: String = "Desk officer <desk.officer@consilium.example.eu>", inner: String = answer
    ) -> String {
        "From: \(from)\nTo: ccwp@consilium.example.eu\nSubject: FW: 9396/1/15 RO\n"
            + "Date: Tue, 8 Sep 2015 09:15:00 +0200\nMIME-Version: 1.0\n"
            + "Content-Type: multipart/mixed; boundary=\"fw\"\n\n--fw\n"
            + "Content-Type: text/plain\n\nThe Romanian answer, which reached me yesterday.\n\n--fw\n"
            + "Content-Type: message/rfc822\nContent-Disposition: attachment\n\n" + inner
            + "\n--fw--\n"
    }

    func submit(_ text: String, name: String = "fw.eml", contacts: Bool = true) throws -> CLIResult
    {
        try TestSupport.write(text, to: folder + "/" + name)
        var arguments = [
            "submit", folder + "/" + name, "--dry-run", "--questionnaire", "9396/1/15",
        ]
        arguments += contacts ? ["--contacts", self.contacts] : ["--delegation", "RO"]
        return runCLI(arguments, store: store)
    }

    @Test(
        "an answer sent on time and forwarded after the deadline by the secretariat is on time, at the forwarded Date"
    )
    func attachedForwardCountsAtInnerDate() throws {
        defer { TestSupport.cleanUp(folder) }
        let run = try submit(Self.attachedForward())
        #expect(run.status == .success, "\(run.err)")
        #expect(run.out.contains("from RO"))
        #expect(
            run.out.contains(
                "received:      2015-09-07T16:05:00+02:00 (the forwarded message's Date; forwarded by "
                    + "desk.officer@consilium.example.eu on 2015-09-08T07:15:00Z)"))
        #expect(run.out.contains("deadline:      2015-09-07 → on time"))
        #expect(
            run.out.contains(
                "note: received time: the forwarded message's Date; forwarded by "
                    + "desk.officer@consilium.example.eu on 2015-09-08T07:15:00Z"), "\(run.out)")
    }

    @Test("forwarded by a delegation address in --contacts: judged by the forward (late)")
    func delegationForwarderJudgedByForward() throws {
        defer { TestSupport.cleanUp(folder) }
        let run = try submit(
            Self.attachedForward(from: "Jan Kowalski <jan.kowalski@pl-rep.example.org>"))
        #expect(run.status == .success, "\(run.err)")
        #expect(run.out.contains("received:      2015-09-08T09:15:00+02:00"))
        #expect(run.out.contains("LATE"))
        #expect(
            run.out.contains(
                "forwarded by jan.kowalski@pl-rep.example.org, a delegation address in the contacts: judged by the forward"
            ))
    }

    @Test("a delegation forwarding its own earlier mail is judged by the forward, contacts or not")
    func ownMailForwarded() throws {
        defer { TestSupport.cleanUp(folder) }
        let run = try submit(
            Self.attachedForward(from: "Ioana Popescu <ioana.popescu@ro-rep.example.org>"),
            contacts: false)
        #expect(run.status == .success, "\(run.err)")
        #expect(run.out.contains("received:      2015-09-08T09:15:00+02:00"))
        #expect(run.out.contains("forwarded their own mail: judged by the forward"))
    }

    /// Forwards quoted in the body, as mail programs write them, each forwarded on 8 September
    /// and quoting RO's answer of 7 September 16:05 Brussels time.
    static let quotedForwards: [(name: String, subject: String, quote: String)] = [
        (
            "Thunderbird", "Fwd: 9396/1/15 RO",
            "-------- Forwarded Message --------\nSubject: 9396/1/15 RO\n"
                + "Date: Mon, 7 Sep 2015 17:05:00 +0300\n"
                + "From: Ioana Popescu <ioana.popescu@ro-rep.example.org>\nTo: desk.officer@consilium.example.eu\n"
        ),
        (
            "Gmail", "Fwd: 9396/1/15 RO",
            "---------- Forwarded message ---------\n"
                + "From: Ioana Popescu <ioana.popescu@ro-rep.example.org>\n"
                + "Date: Mon, Sep 7, 2015 at 4:05 PM\nSubject: 9396/1/15 RO\n"
                + "To: <desk.officer@consilium.example.eu>\n"
        ),
        (
            "Apple Mail", "Fwd: 9396/1/15 RO",
            "Begin forwarded message:\n\n"
                + "From: Ioana Popescu <ioana.popescu@ro-rep.example.org>\n"
                + "Subject: 9396/1/15 RO\nDate: 7 September 2015 at 16:05:00 CEST\n"
                + "To: desk.officer@consilium.example.eu\n"
        ),
        (
            "Outlook", "FW: 9396/1/15 RO",
            "________________________________\n"
                + "From: Popescu Ioana [mailto:ioana.popescu@ro-rep.example.org]\n"
                + "Sent: Monday, September 7, 2015 4:05 PM\nTo: Desk officer\nSubject: 9396/1/15 RO\n"
        ),
        (
            "Outlook, German", "WG: 9396/1/15 RO",
            "Von: Popescu Ioana [mailto:ioana.popescu@ro-rep.example.org]\n"
                + "Gesendet: Montag, 7. September 2015 16:05\nAn: Desk officer\nBetreff: 9396/1/15 RO\n"
        ),
        (
            "Thunderbird, German", "Fwd: 9396/1/15 RO",
            "-------- Weitergeleitete Nachricht --------\nBetreff: 9396/1/15 RO\n"
                + "Datum: Mon, 7 Sep 2015 16:05:00 +0200\n"
                + "Von: Ioana Popescu <ioana.popescu@ro-rep.example.org>\n"
        ),
        (
            "Outlook, French", "TR: 9396/1/15 RO",
            "-------- Message transféré --------\n"
                + "De : Ioana Popescu <ioana.popescu@ro-rep.example.org>\n"
                + "Envoyé : lundi 7 septembre 2015 16:05\nÀ : desk.officer@consilium.example.eu\n"
                + "Objet : 9396/1/15 RO\n"
        ),
    ]

    @Test(
        "a body quoting the forwarded message's From and Date: its text is the answer, received at that Date",
        arguments: quotedForwards.indices)
    func quotedForward(index: Int) throws {
        defer { TestSupport.cleanUp(folder) }
        let (name, subject, quote) = Self.quotedForwards[index]
        let mail =
            "From: Desk officer <desk.officer@consilium.example.eu>\nTo: ccwp@consilium.example.eu\n"
            + "Subject: \(subject)\nDate: Tue, 8 Sep 2015 09:15:00 +0200\nMIME-Version: 1.0\n"
            + "Content-Type: text/plain; charset=utf-8\n\nFYI, see below.\n\n" + quote
            + "\nRomania: firearms and drugs.\n\n-- \nIoana Popescu\n"
        let run = try submit(mail)
        #expect(run.status == .success, "\(name): \(run.err)")
        #expect(run.out.contains("from RO"), "\(name)")
        #expect(run.out.contains("received:      2015-09-07T16:05:00+02:00"), "\(name): \(run.out)")
        #expect(run.out.contains("on time"), "\(name)")
        #expect(run.out.contains("firearms") && run.out.contains("drugs"), "\(name)")
        #expect(run.out.contains("fw.eml » body » forwarded message"), "\(name)")
        #expect(run.out.contains("received time: the forwarded message's Date"), "\(name)")
    }

    @Test(
        "the README's inline forward: on time at the forwarded Date, priorities bound to their threats"
    )
    func readmeExample() throws {
        defer { TestSupport.cleanUp(folder) }
        let path =
            TestSupport.root + "/Tests/ThreatSurveyTests/Resources/forwards/ro-forwarded-inline.eml"
        let run = runCLI(
            [
                "submit", path, "--dry-run", "--questionnaire", "9396/1/15", "--contacts",
                TestSupport.fixtures + "/9396-1-15-mail/contacts.csv",
            ], store: store)
        #expect(run.status == .success, "\(run.err)")
        #expect(run.out.contains("received:      2015-09-07T16:05:00+02:00"))
        #expect(run.out.contains("deadline:      2015-09-07 → on time"))
        #expect(run.out.contains("part:          body » forwarded message"))
        #expect(run.out.contains("firearms         1"))
        #expect(run.out.contains("drugs            2"))
        #expect(
            run.out.contains(
                "received time: the forwarded message's Date; forwarded by desk.officer@consilium.example.eu on 2015-09-08T07:15:00Z"
            ))
    }

    @Test(
        "a delegation forwarding the secretariat's invitation inline: its own text above is the answer"
    )
    func delegationForwardsInvitation() throws {
        defer { TestSupport.cleanUp(folder) }
        let mail =
            "From: Jan Kowalski <jan.kowalski@pl-rep.example.org>\nTo: ccwp@consilium.example.eu\n"
            + "Subject: Fwd: 9396/1/15 call for comments\nDate: Mon, 7 Sep 2015 11:00:00 +0200\n"
            + "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
            + "Poland: drugs.\n\n-------- Forwarded Message --------\n"
            + "From: Desk officer <desk.officer@consilium.example.eu>\n"
            + "Date: Thu, 9 Jul 2015 10:00:00 +0200\nSubject: 9396/1/15 call for comments\n\n"
            + "Please name your threats: firearms, drugs, cultural goods.\n"
        let run = try submit(mail)
        #expect(run.status == .success, "\(run.err)")
        #expect(run.out.contains("from PL"))
        #expect(run.out.contains("threats:       1 found"), "\(run.out)")
        #expect(run.out.contains("received:      2015-09-07T11:00:00+02:00"))
        #expect(run.out.contains("part:          body ("))
    }

    @Test(
        "a reply quoting Outlook's From/Sent block is no forward: cut as a quote, the mail's time")
    func replyIsNoForward() throws {
        defer { TestSupport.cleanUp(folder) }
        let mail =
            "From: Ioana Popescu <ioana.popescu@ro-rep.example.org>\nTo: ccwp@consilium.example.eu\n"
            + "Subject: RE: 9396/1/15 call for comments\nDate: Tue, 8 Sep 2015 09:15:00 +0200\n"
            + "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\nRomania: drugs.\n\n"
            + "________________________________\nFrom: Desk officer\n"
            + "Sent: Thursday, July 9, 2015 10:00 AM\nSubject: 9396/1/15 call for comments\n\n"
            + "Please name your threats: firearms, drugs, cultural goods.\n"
        let run = try submit(mail)
        #expect(run.status == .success, "\(run.err)")
        #expect(run.out.contains("received:      2015-09-08T09:15:00+02:00"))
        #expect(run.out.contains("threats:       1 found"), "\(run.out)")
        #expect(run.out.contains("received time: from the mail's Date header"))
    }

    @Test("quoted dates: RFC 5322, Outlook and Gmail forms, numeric day first, zones inferred")
    func quotedDates() throws {
        let brussels = try #require(TimeZone(identifier: "Europe/Brussels"))
        let expected = try #require(CivilDate(year: 2015, month: 9, day: 7)).at(
            hour: 16, minute: 5, in: brussels)
        for text in [
            "Mon, 7 Sep 2015 17:05:00 +0300", "Monday, September 7, 2015 4:05 PM",
            "lunes, 7 de septiembre de 2015 16:05", "07.09.2015 16:05", "2015-09-07 16:05",
            "7 September 2015 at 16:05:00 CEST", "Mon, 7 Sep 2015 16:05:00+0200",
            "mar. 7 sept. 2015 à 16:05",
        ] {
            #expect(QuotedForward.date(text, zoneMinutes: 120)?.date == expected, "\(text)")
        }
        #expect(
            QuotedForward.date("Monday, September 7, 2015 4:05 PM", zoneMinutes: nil)?.date
                == expected)
        #expect(QuotedForward.date("Monday, September 7, 2015", zoneMinutes: 120) == nil)
        #expect(QuotedForward.date("10/03/2016 10:00", zoneMinutes: 0) != nil)
    }

    @Test("an Outlook message forwarding an embedded message: the embedded message's time decides")
    func msgEmbeddedForward() throws {
        defer { TestSupport.cleanUp(folder) }
        let innerSent = try #require(MailDate.parse("Mon, 7 Sep 2015 16:05:00 +0200"))
        let forwarded = try #require(MailDate.parse("Tue, 8 Sep 2015 09:15:00 +0200"))
        let inner: [CFBWriter.Node] = [
            F.fixed(headerSize: 24, [F.time(0x0039, innerSent)]),
            F.unicode(0x0037, "9396/1/15 RO"), F.unicode(0x0C1A, "Ioana Popescu"),
            F.unicode(0x5D01, "ioana.popescu@ro-rep.example.org"),
            F.unicode(0x1000, "Romania: firearms and drugs."),
        ]
        let bytes = CFBWriter().write([
            F.fixed(headerSize: 32, [F.time(0x0039, forwarded), F.time(0x0E06, forwarded)]),
            F.unicode(0x0037, "FW: 9396/1/15 RO"), F.unicode(0x0C1A, "Desk officer"),
            F.unicode(0x5D01, "desk.officer@consilium.example.eu"),
            F.unicode(0x1000, "The Romanian answer."),
            F.messageAttachment(0, name: "9396/1/15 RO", message: inner),
        ]).bytes
        try TestSupport.write(bytes: bytes, to: folder + "/fw.msg")
        let run = runCLI(
            [
                "submit", folder + "/fw.msg", "--dry-run", "--questionnaire", "9396/1/15",
                "--contacts", contacts,
            ], store: store)
        #expect(run.status == .success, "\(run.err)")
        #expect(run.out.contains("from RO"))
        #expect(run.out.contains("received:      2015-09-07T16:05:00+02:00"), "\(run.out)")
        let inspected = runCLI(["inspect", folder + "/fw.msg", "--format", "json"])
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(inspected.out.utf8)) as? [String: Any])
        let attachments = try #require(json["attachments"] as? [[String: Any]])
        let message = try #require(attachments.first?["message"] as? [String: Any])
        #expect(message["from"] as? String == "ioana.popescu@ro-rep.example.org")
        #expect(message["date"] as? String == "2015-09-07T14:05:00+00:00")
    }

    @Test("inspect: an attached message shows its sender, subject and date; a quoted forward too")
    func inspectShowsInnerMessage() throws {
        defer { TestSupport.cleanUp(folder) }
        try TestSupport.write(Self.attachedForward(), to: folder + "/fw.eml")
        let run = runCLI(["inspect", folder + "/fw.eml", "--format", "json"])
        #expect(run.status == .success, "\(run.err)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let attachments = try #require(json["attachments"] as? [[String: Any]])
        let message = try #require(attachments.first?["message"] as? [String: Any])
        #expect(message["from"] as? String == "ioana.popescu@ro-rep.example.org")
        #expect(message["subject"] as? String == "9396/1/15 RO")
        #expect(message["date"] as? String == "2015-09-07T14:05:00+00:00")
        #expect(attachments.first?["kind"] as? String == "mail")
        let table = runCLI(["inspect", folder + "/fw.eml"])
        #expect(
            table.out.contains("a message from ioana.popescu@ro-rep.example.org"), "\(table.out)")
    }
}
