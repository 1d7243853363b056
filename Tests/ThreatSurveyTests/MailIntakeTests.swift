import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// `submit` of mails (.eml, Outlook .msg) and folders of them, with the fixtures delegations
/// would send (fixtures/9396-1-15-mail/).
@Suite("Mail intake")
struct MailIntakeTests {
    static let mailSet = TestSupport.fixtures + "/9396-1-15-mail"
    static func inbox(_ name: String) -> String { mailSet + "/inbox/" + name }
    static var contacts: String { mailSet + "/contacts.csv" }

    let folder: String
    var store: String { folder + "/store.sqlite" }

    init() throws {
        folder = try TestSupport.temporaryFolder()
    }

    /// Copies fixture mails into a fresh folder (an inbox of the day).
    func inbox(_ names: [String], into sub: String = "inbox") throws -> String {
        let target = folder + "/" + sub
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        for name in names {
            try FileManager.default.copyItem(atPath: Self.inbox(name), toPath: target + "/" + name)
        }
        return target
    }

    /// A plain-text mail with one text attachment, written by hand.
    static func eml(
        from: String = "Jan Kowalski <jan.kowalski@pl-rep.example.org>",
        date: String? = "Mon, 07 Sep 2015 11:00:00 +0200",
        body: String = "Our answers are attached.\n",
        attachment: (name: String, type: String, text: String)? = nil
    ) -> String {
        var head = "From: \(from)\r\nTo: ccwp@consilium.example.eu\r\nSubject: 9396/1/15\r\n"
        if let date { head += "Date: \(date)\r\n" }
        head += "Message-ID: <1@example.org>\r\nMIME-Version: 1.0\r\n"
        guard let attachment else {
            return head + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                + body.replacingOccurrences(of: "\n", with: "\r\n")
        }
        return head + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\n\(body)\r\n--b1\r\n"
            + "Content-Type: \(attachment.type)\r\nContent-Disposition: attachment; filename=\"\(attachment.name)\"\r\n\r\n"
            + (attachment.text.contains("\r\n")
                ? attachment.text : attachment.text.replacingOccurrences(of: "\n", with: "\r\n"))
            + "\r\n--b1--\r\n"
    }

    // MARK: - One mail

    @Test(
        "a mail's CSV attachment is submitted with a receipt naming mail and attachment; the logo and signature are skipped"
    )
    func csvAttachment() throws {
        defer { TestSupport.cleanUp(folder) }
        let run = runCLI(
            ["submit", Self.inbox("pl-csv.eml"), "--questionnaire", "9396/1/15"], store: store)
        #expect(run.status == .success, "\(run.err)")
        #expect(run.out.contains("file:          pl-csv.eml (csv-long"))
        #expect(run.out.contains("part:          pl-answers.csv (sha256:"))
        #expect(
            run.out.contains("skipped, not answers: logo.png (an image), smime.p7s (a signature)"))
        #expect(run.out.contains("received:      2015-09-07T11:00:00+02:00"))
        #expect(
            run.out.contains("received time: delivery time from the mail's newest Received: header")
        )
        #expect(run.out.contains("pl-answers.csv: note: delegation: named in the file"))
        #expect(!run.out.contains("(now; pass --received"))
        let json = runCLI(["show", "1", "--format", "json"], store: store)
        #expect(json.out.contains("\"part\": \"pl-answers.csv\""))
        #expect(json.out.contains("\"container\": \"pl-csv.eml\""))
        let pl = try TestSupport.bytes(TestSupport.fixture("pl.csv"))
        #expect(json.out.contains("\"partChecksum\": \"sha256:\(SHA256.hex(of: pl))\""))
        let history = runCLI(["history"], store: store)
        #expect(history.out.contains("pl-csv.eml » pl-answers.csv"))
    }

    @Test("show --original gives back the mail byte for byte, not the attachment")
    func originalRoundTrip() throws {
        defer { TestSupport.cleanUp(folder) }
        for name in ["pl-csv.eml", "bg-json.msg"] {
            Store.removeFiles(at: store)
            let run = runCLI(
                ["submit", Self.inbox(name), "--questionnaire", "9396/1/15"], store: store)
            #expect(run.status == .success, "\(run.err)")
            let original = runCLI(["show", "1", "--original"], store: store)
            #expect(original.outBytes == (try TestSupport.bytes(Self.inbox(name))))
        }
    }

    @Test("a mail with two answer attachments: two receipts, the mail stored once")
    func twoAttachmentsOneMail() throws {
        defer { TestSupport.cleanUp(folder) }
        let hu = try String(contentsOfFile: TestSupport.fixture("hu.csv"), encoding: .utf8)
        var text = Self.eml(attachment: ("hu.csv", "text/csv", hu))
        let second =
            "--b1\r\nContent-Type: application/json\r\nContent-Disposition: attachment; filename=\"bg.json\"\r\n\r\n"
            + (try String(contentsOfFile: TestSupport.fixture("bg.json"), encoding: .utf8))
            + "\r\n--b1--\r\n"
        text = text.replacingOccurrences(of: "--b1--\r\n", with: second)
        try TestSupport.write(text, to: folder + "/two.eml")
        let run = runCLI(
            ["submit", folder + "/two.eml", "--questionnaire", "9396/1/15"], store: store)
        #expect(run.status == .success, "\(run.err)")
        let opened = try Store(path: store)
        let all = try opened.submissions()
        #expect(all.map(\.part?.name) == ["hu.csv", "bg.json"])
        #expect(Set(all.map(\.fileID)).count == 1)
        #expect(try opened.originalBytes(fileID: all[0].fileID) == Array(text.utf8))
    }

    @Test("an Outlook .msg: its attachment is read, its received time is Outlook's delivery time")
    func outlookMessage() throws {
        defer { TestSupport.cleanUp(folder) }
        let run = runCLI(
            ["submit", Self.inbox("bg-json.msg"), "--questionnaire", "9396/1/15"], store: store)
        #expect(run.status == .success, "\(run.err)")
        #expect(run.out.contains("from BG"))
        #expect(run.out.contains("received:      2015-09-07T23:30:00+02:00"))
        #expect(run.out.contains("received time: delivery time recorded by Outlook"))
        #expect(run.out.contains("on time"))
    }

    @Test(
        "the test-only generator writes the checked-in bg-json.msg (REGENERATE_MAIL_FIXTURES=1 rewrites it)"
    )
    func msgFixtureIsGenerated() throws {
        let bytes = MailFixtureWriter.bulgarianMessage()
        if ProcessInfo.processInfo.environment["REGENERATE_MAIL_FIXTURES"] == "1" {
            try TestSupport.write(bytes: bytes, to: Self.inbox("bg-json.msg"))
        }
        #expect(try TestSupport.bytes(Self.inbox("bg-json.msg")) == bytes)
        let mail = try MailMessage.msg(bytes: bytes)
        #expect(mail.from?.address == "petar.ivanov@bg-rep.example.org")
        #expect(mail.attachments.map(\.name) == ["bg-answers.json", "image001.png"])
    }

    @Test(
        "a store written before mail intake (schema 3) is brought forward: old answers keep no part, mails get one"
    )
    func storeMigration() throws {
        defer { TestSupport.cleanUp(folder) }
        do {
            let old = try Connection(path: store)
            for version in 0..<3 {
                try old.execute(Store.migrations[version])
                try old.execute("PRAGMA user_version = \(version + 1)")
            }
        }
        let plain = runCLI(
            ["submit", TestSupport.fixture("hu.csv"), "--received", "2015-09-04T08:55"],
            store: store)
        #expect(plain.status == .success, "\(plain.err)")
        let mail = runCLI(
            ["submit", Self.inbox("pl-csv.eml"), "--questionnaire", "9396/1/15"], store: store)
        #expect(mail.status == .success, "\(mail.err)")
        let opened = try Store(path: store)
        #expect(
            try opened.db.query("PRAGMA user_version") { Int($0.int(0)) } == [Store.schemaVersion])
        #expect(try opened.submissions().map(\.part?.name) == [nil, "pl-answers.csv"])
        #expect(!runCLI(["show", "1", "--format", "json"], store: store).out.contains("\"part\""))
    }

    // MARK: - Received time

    @Test(
        "received time: --received, else the delivery time, else the Date header; none is an error")
    func receivedTimePrecedence() throws {
        defer { TestSupport.cleanUp(folder) }
        let given = runCLI(
            [
                "submit", Self.inbox("pl-csv.eml"), "--received", "2015-09-06T09:00", "--dry-run",
                "--questionnaire", "9396/1/15",
            ],
            store: store)
        #expect(given.out.contains("received:      2015-09-06T09:00:00+02:00"))
        #expect(given.out.contains("received time: --received"))
        let dateHeader = runCLI(
            [
                "submit", Self.inbox("ro-body.eml"), "--dry-run", "--questionnaire", "9396/1/15",
                "--contacts", Self.contacts,
            ],
            store: store)
        #expect(dateHeader.out.contains("received:      2015-09-05T10:30:00+02:00"))
        #expect(dateHeader.out.contains("received time: from the mail's Date header"))
        // pl-csv.eml's Date says 10:58:12; its Received: header 11:00:00 wins.
        let delivered = runCLI(
            ["submit", Self.inbox("pl-csv.eml"), "--dry-run", "--questionnaire", "9396/1/15"],
            store: store)
        #expect(delivered.out.contains("received:      2015-09-07T11:00:00+02:00"))
        try TestSupport.write(
            Self.eml(
                date: nil, attachment: ("pl.csv", "text/csv", "delegation,threat\nPL,drugs\n")),
            to: folder + "/undated.eml")
        let none = runCLI(
            ["submit", folder + "/undated.eml", "--questionnaire", "9396/1/15"], store: store)
        #expect(none.status == .dataError)
        #expect(
            none.err.contains(
                "undated.eml: error: the mail has no delivery time and no Date header"))
        #expect(none.err.contains("give --received DATETIME"))
        try TestSupport.write(
            Self.eml(
                date: "Tue, 01 Jan 2199 10:00:00 +0000",
                attachment: ("pl.csv", "text/csv", "delegation,threat\nPL,drugs\n")),
            to: folder + "/future.eml")
        let future = runCLI(
            ["submit", folder + "/future.eml", "--questionnaire", "9396/1/15"], store: store)
        #expect(future.status == .dataError)
        #expect(
            future.err.contains(
                "future.eml: error: the mail's time 2199-01-01T10:00:00Z (from the mail's Date header) is later than now"
            ))
        let rescued = runCLI(
            [
                "submit", folder + "/undated.eml", "--questionnaire", "9396/1/15", "--received",
                "2015-09-07T10:00",
            ], store: store)
        #expect(rescued.status == .success, "\(rescued.err)")
    }

    // MARK: - Delegation

    @Test(
        "delegation: the answer's own, else --delegation, else the sender in --contacts (case-insensitive)"
    )
    func delegationPrecedence() throws {
        defer { TestSupport.cleanUp(folder) }
        // pl-csv.eml names PL in the file; --delegation does not override it.
        let own = runCLI(
            [
                "submit", Self.inbox("pl-csv.eml"), "--dry-run", "--questionnaire", "9396/1/15",
                "--delegation", "HU",
            ],
            store: store)
        #expect(own.out.contains("from PL"))
        #expect(own.out.contains("delegation: named in the file"))
        try TestSupport.write(
            "delegation;email\nRO;IOANA.Popescu@RO-REP.example.org\n", to: folder + "/contacts.csv")
        let contacts = runCLI(
            [
                "submit", Self.inbox("ro-body.eml"), "--dry-run", "--questionnaire", "9396/1/15",
                "--contacts", folder + "/contacts.csv",
            ],
            store: store)
        #expect(contacts.status == .success, "\(contacts.err)")
        #expect(contacts.out.contains("from RO"))
        #expect(
            contacts.out.contains(
                "delegation RO: the sender ioana.popescu@ro-rep.example.org is RO's in contacts.csv"
            ))
        let option = runCLI(
            [
                "submit", Self.inbox("ro-body.eml"), "--dry-run", "--questionnaire", "9396/1/15",
                "--contacts", folder + "/contacts.csv",
                "--delegation", "BG",
            ], store: store)
        #expect(option.out.contains("from BG"))
        #expect(option.out.contains("delegation BG: --delegation"))
    }

    @Test(
        "delegation undecided, or an address listed for two delegations: an error saying what to give"
    )
    func delegationErrors() throws {
        defer { TestSupport.cleanUp(folder) }
        let none = runCLI(
            ["submit", Self.inbox("ro-body.eml"), "--questionnaire", "9396/1/15"], store: store)
        #expect(none.status == .dataError)
        #expect(none.err.contains("ro-body.eml » body: error: whose answer this is cannot be told"))
        #expect(none.err.contains("cannot be looked up without --contacts FILE"))
        try TestSupport.write(
            "delegation,email\nPL,someone@pl.example.org\n", to: folder + "/other.csv")
        let missing = runCLI(
            [
                "submit", Self.inbox("ro-body.eml"), "--questionnaire", "9396/1/15", "--contacts",
                folder + "/other.csv",
            ], store: store)
        #expect(
            missing.err.contains("the sender ioana.popescu@ro-rep.example.org is not in other.csv"))
        try TestSupport.write(
            "delegation,email\nRO,ioana.popescu@ro-rep.example.org\nBG,Ioana.Popescu@ro-rep.example.org\n",
            to: folder + "/twice.csv")
        let twice = runCLI(
            [
                "submit", Self.inbox("ro-body.eml"), "--questionnaire", "9396/1/15", "--contacts",
                folder + "/twice.csv",
            ], store: store)
        #expect(twice.status == .dataError)
        #expect(twice.err.contains("is listed in twice.csv for BG and RO"))
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    // MARK: - Errors inside a mail

    @Test("errors inside an attachment carry the chain: MAIL » PART:LINE:COLUMN")
    func chainedPositions() throws {
        defer { TestSupport.cleanUp(folder) }
        let csv = "delegation,threat,priority\nPL,drugs,1\nPL,unicorn-smuggling,2\n"
        try TestSupport.write(
            Self.eml(attachment: ("answers.csv", "text/csv", csv)), to: folder + "/mail.eml")
        let run = runCLI(
            ["submit", folder + "/mail.eml", "--questionnaire", "9396/1/15"], store: store)
        #expect(run.status == .dataError)
        #expect(run.err.contains(folder + "/mail.eml » answers.csv:3:4: error:"), "\(run.err)")
        let json = "{\"delegation\": \"EL\", \"threats\": [\"drugs\", \"unicorns\"]}\n"
        let inner = Self.eml(
            from: "Eleni <e.papadopoulou@el-rep.example.org>",
            attachment: ("el.json", "application/json", json)
        )
        .replacingOccurrences(of: "b1", with: "inner")
        let outer = Self.eml(
            from: "Desk <desk.officer@consilium.example.eu>",
            attachment: ("FW EL.eml", "message/rfc822", inner))
        try TestSupport.write(outer, to: folder + "/fw.eml")
        let forwarded = runCLI(
            ["submit", folder + "/fw.eml", "--questionnaire", "9396/1/15"], store: store)
        #expect(forwarded.status == .dataError)
        #expect(forwarded.err.contains("fw.eml » FW EL.eml » el.json:1:"), "\(forwarded.err)")
    }

    @Test(
        "an Office attachment reaches the answer reader under its own name (read once office-answers lands)"
    )
    func officeAttachmentsAreRouted() throws {
        defer { TestSupport.cleanUp(folder) }
        for (mail, part) in [
            ("hu-xlsx.eml", "hu-answers.xlsx"), ("baltic-ods.eml", "baltic-states.ods"),
            ("de-docx.eml", "Stellungnahme DE.docx"), ("fr-odt.eml", "commentaires-FR.odt"),
        ] {
            let run = runCLI(
                [
                    "submit", Self.inbox(mail), "--dry-run", "--questionnaire", "9396/1/15",
                    "--contacts", Self.contacts,
                ], store: store)
            let said = run.out + run.err
            #expect(said.contains(mail + " » " + part), "\(said)")
            #expect(!said.contains("skipped, not answers: \(part)"))
            #expect(!said.contains(" » body"))
        }
    }

    // MARK: - Bodies

    @Test(
        "a mail without an answer attachment is its own body, cut at its signature and the quoted invitation"
    )
    func bodyOnlyWithQuotedReply() throws {
        defer { TestSupport.cleanUp(folder) }
        let run = runCLI(
            [
                "submit", Self.inbox("ro-body.eml"), "--questionnaire", "9396/1/15", "--contacts",
                Self.contacts,
            ], store: store)
        #expect(run.status == .success, "\(run.err)")
        #expect(
            run.out.contains(
                "ro-body.eml » body: note: no answer attachment: the mail's body is the answer"))
        #expect(run.out.contains("body cut at line 6 (\"-- \")"))
        let submission = try #require(try Store(path: store).submission(id: 1))
        #expect(submission.part?.name == "body")
        // The quoted invitation names every threat; none of those past the cut counts.
        #expect(
            Set(submission.response.threats) == [
                "tobacco-smuggling", "excise-fraud", "firearms", "internet-crime",
            ])
        #expect(submission.response.comments?.contains("a écrit") == false)
    }

    @Test(
        "quoted-reply markers: -- , -----Original Message-----, On … wrote:, Le … a écrit :, underscores"
    )
    func replyCutMarkers() {
        for marker in [
            "-- ", "-----Original Message-----", "----- Message d'origine -----",
            "On Mon, 20 Jul 2015 at 15:04, CCWP <ccwp@consilium.example.eu> wrote:",
            "Le lun. 20 juil. 2015 à 15:04, CCWP a écrit :", String(repeating: "_", count: 32),
        ] {
            let cut = ReplyCut.cut("Firearms first.\nThen drugs.\n" + marker + "\n> excise fraud\n")
            #expect(cut.text == "Firearms first.\nThen drugs.", "\(marker)")
            #expect(cut.line == 3)
        }
        #expect(ReplyCut.cut("On firearms we wrote nothing.\nDrugs.").line == nil)
        let long = String(repeating: "x", count: ReplyCut.maximumMarkerLength) + " wrote:"
        #expect(ReplyCut.cut("On " + long).line == nil)
    }

    @Test(
        "a forwarded answer (message/rfc822) is read the same way: its attachment, named through the forward"
    )
    func forwarded() throws {
        defer { TestSupport.cleanUp(folder) }
        let run = runCLI(
            ["submit", Self.inbox("el-forwarded.eml"), "--questionnaire", "9396/1/15"], store: store
        )
        #expect(run.status == .success, "\(run.err)")
        #expect(run.out.contains("from EL"))
        #expect(run.out.contains("part:          9396-1-15 EL.eml » el.json"))
        // The forwarded message's body names no threat; only its attachment counts.
        let submission = try #require(try Store(path: store).submission(id: 1))
        #expect(submission.response.threats.count == 5)
    }

    @Test(
        "a forwarded prose answer: the original sender is looked up in the contacts before the one who forwarded it"
    )
    func forwardedSenderFirst() throws {
        defer { TestSupport.cleanUp(folder) }
        let inner = Self.eml(
            from: "Ioana Popescu <ioana.popescu@ro-rep.example.org>",
            body: "Romania ranks firearms first and drugs second.\n")
        let outer = Self.eml(
            from: "Jan Kowalski <jan.kowalski@pl-rep.example.org>",
            body: "FYI, the Romanian answer.\n",
            attachment: (
                "Romanian answer.eml", "message/rfc822",
                inner.replacingOccurrences(of: "\r\n", with: "\n")
            ))
        try TestSupport.write(outer, to: folder + "/fw.eml")
        let run = runCLI(
            [
                "submit", folder + "/fw.eml", "--dry-run", "--questionnaire", "9396/1/15",
                "--contacts", Self.contacts,
            ], store: store)
        #expect(run.status == .success, "\(run.err)")
        #expect(run.out.contains("from RO"))
        #expect(
            run.out.contains(
                "fw.eml » Romanian answer.eml » body: note: delegation RO: the sender ioana.popescu@ro-rep.example.org"
            ))
        #expect(
            run.out.contains(
                "forwarded message without an answer attachment: its body is the answer"))
    }

    @Test("mails nested deeper than MailIntake.maximumNesting are listed as skipped, not followed")
    func nestingLimit() throws {
        defer { TestSupport.cleanUp(folder) }
        var text = Self.eml(attachment: ("pl.csv", "text/csv", "delegation,threat\nPL,drugs\n"))
        for _ in 0..<MailIntake.maximumNesting {
            let encoded = Data(text.utf8).base64EncodedString(options: .lineLength76Characters)
            text = Self.eml(
                attachment: (
                    "inner.eml", "application/octet-stream\r\nContent-Transfer-Encoding: base64",
                    encoded
                ))
        }
        let intake = try MailIntake.open(bytes: Array(text.utf8), name: "deep.eml")
        #expect(intake.skipped.count == 1)
        #expect(intake.skipped.first?.what.contains("nested too deep") == true)
        #expect(!intake.parts.contains { $0.name.hasSuffix("pl.csv") })
        // One level less and the answer is reached.
        var shallow = Self.eml(attachment: ("pl.csv", "text/csv", "delegation,threat\nPL,drugs\n"))
        for _ in 0..<(MailIntake.maximumNesting - 1) {
            let encoded = Data(shallow.utf8).base64EncodedString(options: .lineLength76Characters)
            shallow = Self.eml(
                attachment: (
                    "inner.eml", "application/octet-stream\r\nContent-Transfer-Encoding: base64",
                    encoded
                ))
        }
        let reached = try MailIntake.open(bytes: Array(shallow.utf8), name: "deep.eml")
        #expect(reached.parts.last?.name.hasSuffix("inner.eml » pl.csv") == true)
        #expect(reached.skipped.isEmpty)
    }

    @Test(
        "mail is recognised by extension and by content; an attachment's kind by extension and media type"
    )
    func recognition() throws {
        let text = Array(Self.eml().utf8)
        #expect(MailIntake.isMail(name: "answer", bytes: text))
        #expect(MailIntake.isMail(name: "x.msg", bytes: []))
        #expect(
            !MailIntake.isMail(name: "pl.csv", bytes: Array("delegation,threat\nPL,drugs\n".utf8)))
        #expect(
            !MailIntake.isMail(
                name: "note.txt", bytes: Array("From: the Polish delegation\nDrugs first.\n".utf8)))
        // A .txt is never a mail, even one that starts with headers; a file without extension is.
        let headed = Array(
            "From: PL <a@pl.example.org>\nSubject: comments\n\nFirearms first.\n".utf8)
        #expect(!MailIntake.isMail(name: "comments.txt", bytes: headed))
        #expect(MailIntake.isMail(name: "comments", bytes: headed))
        // Headers are looked for in the first AnswerFile.mailSniffBytes only.
        let padding = (0..<(AnswerFile.mailSniffBytes / 20)).map { "X-Pad-\($0): 0123456789\n" }
            .joined()
        let long = MailIntake.isMail(
            name: "long",
            bytes: Array(("From: a@b.example.org\n" + padding + "Date: x\n\nbody\n").utf8))
        #expect(!long)
        let short = MailIntake.isMail(
            name: "short", bytes: Array(("From: a@b.example.org\nDate: x\n\n" + padding).utf8))
        #expect(short)
        // The answer reader refuses a mail handed to it directly: the intake takes it apart.
        #expect(throws: SurveyError.self) { try AnswerFile.read(bytes: text, name: "answer") }
        #expect(
            MailIntake.classify(name: "winmail.dat", mediaType: "application/ms-tnef", bytes: [])
                != .answer)
        #expect(
            MailIntake.classify(name: "card.vcf", mediaType: nil, bytes: [])
                == .skip("a contact card (vCard)"))
        #expect(MailIntake.classify(name: "answers", mediaType: "text/csv", bytes: []) == .answer)
        #expect(
            MailIntake.classify(name: "scan.jpg", mediaType: "image/jpeg", bytes: [])
                == .skip("an image"))
    }

    // MARK: - The day's mail

    @Test(
        "a folder of mails, all or nothing: one bad mail stores nothing and every problem is listed"
    )
    func folderAllOrNothing() throws {
        defer { TestSupport.cleanUp(folder) }
        let day = try inbox(["pl-csv.eml", "el-forwarded.eml", "ro-body.eml"])
        try TestSupport.write(
            Self.eml(
                date: nil, attachment: ("x.csv", "text/csv", "delegation,threat\nPL,unicorns\n")),
            to: day + "/zz-bad.eml")
        let run = runCLI(
            ["submit", day, "--questionnaire", "9396/1/15", "--contacts", Self.contacts],
            store: store)
        #expect(run.status == .dataError)
        #expect(run.err.contains("zz-bad.eml: error: the mail has no delivery time"))
        #expect(run.err.contains("zz-bad.eml » x.csv:2:4: error:"), "\(run.err)")
        try TestSupport.write(Self.eml(body: "\n"), to: day + "/zz-empty.eml")
        let two = runCLI(
            ["submit", day, "--questionnaire", "9396/1/15", "--contacts", Self.contacts],
            store: store)
        #expect(two.err.contains("zz-bad.eml: error:"))
        #expect(
            two.err.contains(
                "zz-empty.eml » body: error: the mail has no answer attachment and its body"))
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test("--each stores every good mail and lists the failed ones, exit 65")
    func folderEach() throws {
        defer { TestSupport.cleanUp(folder) }
        let day = try inbox(["pl-csv.eml", "el-forwarded.eml", "ro-body.eml"])
        try TestSupport.write(
            Self.eml(date: nil, attachment: ("x.csv", "text/csv", "delegation,threat\nPL,drugs\n")),
            to: day + "/m-bad.eml")
        let run = runCLI(
            ["submit", day, "--each", "--questionnaire", "9396/1/15", "--contacts", Self.contacts],
            store: store)
        #expect(run.status == .dataError)
        #expect(run.err.contains("3 submissions stored"))
        #expect(run.err.contains("1 of 4 files failed"))
        #expect(run.err.contains("m-bad.eml: error: the mail has no delivery time"))
        let stored = try Store(path: store).submissions()
        #expect(stored.map(\.sourceFile) == ["ro-body.eml", "pl-csv.eml", "el-forwarded.eml"])
        let good = runCLI(
            ["submit", day + "/pl-csv.eml", "--each", "--questionnaire", "9396/1/15"], store: store)
        #expect(good.status == .success)
    }

    @Test(
        "a folder of mails gives the same rank and deadline figures as the same answers as CSV, JSON and text"
    )
    func folderOfMailsMatchesFiles() throws {
        defer { TestSupport.cleanUp(folder) }
        let day = try inbox(["pl-csv.eml", "el-forwarded.eml", "ro-body.eml", "bg-json.msg"])
        let mails = folder + "/mails.sqlite"
        let run = runCLI(
            ["submit", day, "--questionnaire", "9396/1/15", "--contacts", Self.contacts],
            store: mails)
        #expect(run.status == .success, "\(run.err)")
        let files = folder + "/files.sqlite"
        for (file, received, delegation) in [
            ("pl.csv", "2015-09-07T11:00:00+02:00", nil),
            // Forwarded by the desk officer (no delegation): received at the Greek mail's Date.
            ("el.json", "2015-09-07T15:31:00+02:00", nil),
            ("ro-commentaires.txt", "2015-09-05T10:30:00+02:00", "RO"),
            ("bg.json", "2015-09-07T23:30:00+02:00", nil),
        ] as [(String, String, String?)] {
            let one = runCLI(
                [
                    "submit", TestSupport.fixture(file), "--received", received, "--questionnaire",
                    "9396/1/15",
                ]
                    + (delegation.map { ["--delegation", $0] } ?? []), store: files)
            #expect(one.status == .success, "\(one.err)")
        }
        for command in [
            ["rank", "--format", "json"],
            ["deadline", "--format", "json", "--today", "2015-09-08"],
        ] {
            let fromMails = runCLI(command + ["--questionnaire", "9396/1/15"], store: mails)
            let fromFiles = runCLI(command + ["--questionnaire", "9396/1/15"], store: files)
            #expect(fromMails.out == fromFiles.out)
            #expect(!fromMails.out.isEmpty)
        }
    }

    @Test("a mail without a mail extension is recognised by its headers and taken apart")
    func mailByContent() throws {
        defer { TestSupport.cleanUp(folder) }
        try FileManager.default.copyItem(
            atPath: Self.inbox("pl-csv.eml"), toPath: folder + "/saved-from-webmail")
        let run = runCLI(
            [
                "submit", folder + "/saved-from-webmail", "--dry-run", "--questionnaire",
                "9396/1/15",
            ], store: store)
        #expect(run.status == .success, "\(run.err)")
        #expect(run.out.contains("part:          pl-answers.csv"))
    }

    @Test("a folder holding more than Submitter.maximumFilesPerFolder files is refused")
    func folderLimit() throws {
        defer { TestSupport.cleanUp(folder) }
        let big = folder + "/big"
        try FileManager.default.createDirectory(atPath: big, withIntermediateDirectories: true)
        for i in 0...Submitter.maximumFilesPerFolder {
            _ = FileManager.default.createFile(atPath: big + "/\(i).eml", contents: nil)
        }
        #expect(throws: SurveyError.self) { try Submitter.expandingFolders([big]) }
        try FileManager.default.removeItem(atPath: big + "/0.eml")
        #expect(try Submitter.expandingFolders([big]).count == Submitter.maximumFilesPerFolder)
    }

    @Test(
        "folders: regular files directly inside, sorted by name, hidden files left out; an empty folder is an error"
    )
    func folderExpansion() throws {
        defer { TestSupport.cleanUp(folder) }
        let day = try inbox(["ro-body.eml", "pl-csv.eml"])
        try TestSupport.write("x", to: day + "/.DS_Store")
        try FileManager.default.createDirectory(
            atPath: day + "/sub", withIntermediateDirectories: true)
        #expect(
            try Submitter.expandingFolders([day, "a.csv"]) == [
                day + "/pl-csv.eml", day + "/ro-body.eml", "a.csv",
            ])
        try FileManager.default.createDirectory(
            atPath: folder + "/empty", withIntermediateDirectories: true)
        #expect(throws: SurveyError.self) { try Submitter.expandingFolders([folder + "/empty"]) }
    }
}
