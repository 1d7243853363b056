import Foundation
import Testing

@testable import ThreatSurvey

@Suite("Deadline check")
struct DeadlineTests {
    static let zone = TimeZone(identifier: "Europe/Brussels")!

    static func questionnaire(deadline: String) -> Questionnaire {
        Questionnaire(
            id: "D/1/15", title: "Deadline test", issued: CivilDate(year: 2015, month: 1, day: 1)!,
            deadline: CivilDate(iso: deadline)!, timeZone: zone,
            threats: [Threat(id: "alpha", title: "Alpha")])
    }

    static func submission(
        _ id: Int64, _ state: String, at text: String, cosignatories: [String] = []
    ) -> Submission {
        let received = DateTimeInput(text)!.resolve(in: zone)
        return Submission(
            id: id, questionnaire: "D/1/15", received: received, sourceFile: "f", format: .json,
            encoding: "UTF-8",
            delimiter: nil, checksum: "", fileID: id,
            response: Response(
                delegation: state, cosignatories: cosignatories,
                mentions: [Mention(threat: "alpha")]),
            warnings: [])
    }

    func check(_ deadline: String, _ submissions: [Submission], today: String) -> DeadlineCheck {
        DeadlineCheck(
            questionnaire: Self.questionnaire(deadline: deadline), submissions: submissions,
            today: CivilDate(iso: today)!)
    }

    @Test("23:30 Brussels time on the deadline day is on time; 00:10 the next day is late")
    func midnightEdge() {
        let c = check(
            "2015-09-07",
            [
                Self.submission(1, "BG", at: "2015-09-07T23:30"),
                Self.submission(2, "RO", at: "2015-09-08T00:10"),
            ],
            today: "2015-09-10")
        #expect(c.onTime.map(\.memberState) == ["BG"])
        #expect(c.late.map(\.memberState) == ["RO"])
        // 23:30 in Brussels is 21:30 UTC; 22:10 UTC on the 7th is 00:10 on the 8th in Brussels.
        let utc = check(
            "2015-09-07", [Self.submission(1, "BG", at: "2015-09-07T22:10:00Z")],
            today: "2015-09-10")
        #expect(utc.late.map(\.memberState) == ["BG"])
    }

    @Test(
        "A deadline in the week the clocks change",
        arguments: [
            ("2015-10-25", "+01:00", "2015-10-25T23:30", "2015-10-26T00:10"),  // summer time ends that night
            ("2015-03-29", "+02:00", "2015-03-29T23:30", "2015-03-30T00:10"),  // summer time began that night
            ("2015-10-24", "+02:00", "2015-10-24T23:59:30", "2015-10-25T00:00:30"),
        ])
    func clockChange(deadline: String, offset: String, onTime: String, late: String) {
        let q = Self.questionnaire(deadline: deadline)
        #expect(Timestamp.iso(q.deadlineInstant, in: Self.zone) == "\(deadline)T23:59:59\(offset)")
        let c = check(
            deadline, [Self.submission(1, "FR", at: onTime), Self.submission(2, "DE", at: late)],
            today: "2015-12-01")
        #expect(c.onTime.map(\.memberState) == ["FR"])
        #expect(c.late.map(\.memberState) == ["DE"])
    }

    @Test("A received date without a time means 12:00 in the questionnaire's zone")
    func dateOnly() {
        let received = DateTimeInput("2015-09-07")!.resolve(in: Self.zone)
        #expect(Timestamp.iso(received, in: Self.zone) == "2015-09-07T12:00:00+02:00")
        #expect(Self.questionnaire(deadline: "2015-09-07").isOnTime(received))
    }

    @Test("--today before any answer, on the deadline, after it")
    func today() {
        let s = [
            Self.submission(1, "DE", at: "2015-09-01T10:00"),
            Self.submission(2, "FR", at: "2015-09-07T18:00"),
            Self.submission(3, "IT", at: "2015-09-10T09:30"),
        ]
        let before = check("2015-09-07", s, today: "2015-08-31")
        #expect(before.daysLeft == 7)
        #expect(!before.passed)
        #expect(before.onTime.isEmpty && before.late.isEmpty)
        #expect(before.missing.count == 28)
        let on = check("2015-09-07", s, today: "2015-09-07")
        #expect(on.daysLeft == 0)
        #expect(!on.passed)
        #expect(on.onTime.map(\.memberState) == ["DE", "FR"])
        let after = check("2015-09-07", s, today: "2015-09-08")
        #expect(after.daysLeft == -1)
        #expect(after.passed)
        #expect(after.late.isEmpty)
        #expect(after.missing.contains("IT"))
        let later = check("2015-09-07", s, today: "2015-09-30")
        #expect(later.daysLeft == -23)
        #expect(later.late.map(\.memberState) == ["IT"])
        #expect(later.missing.count == 25)
        #expect(later.json.serialized().contains("\"deadline\": \"2015-09-07T23:59:59+02:00\""))
    }

    @Test("A joint answer counts for each cosignatory; a late resubmission keeps a state on time")
    func jointAndResubmission() {
        let s = [
            Self.submission(1, "BE", at: "2015-09-04T11:00", cosignatories: ["NL", "LU"]),
            Self.submission(2, "NL", at: "2015-09-09T10:00"),
        ]
        let c = check("2015-09-07", s, today: "2015-09-30")
        #expect(c.onTime.map(\.memberState) == ["BE", "LU", "NL"])
        #expect(c.resubmittedLate.map(\.memberState) == ["NL"])
        #expect(c.late.isEmpty)
        #expect(
            c.document().render(as: .table).contains(
                "on time, resubmitted late  2015-09-04 11:00, again 2015-09-09 10:00"))
    }
}

@Suite("Deadline command and reminders")
struct DeadlineCommandTests {
    let folder: String
    init() throws { folder = try TestSupport.temporaryFolder() }

    func demoStore() -> String {
        let store = folder + "/demo.sqlite"
        _ = runCLI(["demo", "--store", store])
        return store
    }

    @Test("--strict exits 1 only once the deadline has passed with Member States missing")
    func strict() throws {
        defer { TestSupport.cleanUp(folder) }
        let store = demoStore()
        let args = ["deadline", "--questionnaire", "9396/1/15", "--strict"]
        #expect(runCLI(args + ["--today", "2015-09-01"], store: store).status == .success)
        #expect(runCLI(args + ["--today", "2015-09-07"], store: store).status == .success)
        #expect(runCLI(args + ["--today", "2015-09-08"], store: store).status == .checkFailed)
        #expect(
            runCLI(
                ["deadline", "--questionnaire", "9396/1/15", "--today", "2015-09-08"], store: store
            ).status == .success)
        // Everyone answers (one joint answer for the eight missing): --strict passes.
        let all = folder + "/rest.json"
        try TestSupport.write(
            #"{"delegation": "CZ", "cosignatories": ["DK", "IE", "IT", "CY", "MT", "PT", "SI", "SK"], "threats": ["drugs"]}"#,
            to: all)
        #expect(
            runCLI(
                ["submit", all, "--questionnaire", "9396/1/15", "--received", "2015-09-07"],
                store: store
            ).status == .success)
        #expect(runCLI(args + ["--today", "2015-09-08"], store: store).status == .success)
    }

    @Test("JSON shape of the contract")
    func json() throws {
        defer { TestSupport.cleanUp(folder) }
        let store = demoStore()
        let out = runCLI(
            [
                "deadline", "--questionnaire", "9396-1-15", "--today", "2015-09-01", "--format",
                "json",
            ], store: store)
        let o = try #require(
            try JSONSerialization.jsonObject(with: Data(out.out.utf8)) as? [String: Any])
        #expect(o["questionnaire"] as? String == "9396/1/15")
        #expect(o["deadline"] as? String == "2015-09-07T23:59:59+02:00")
        #expect(o["today"] as? String == "2015-09-01")
        #expect(o["daysLeft"] as? Int == 6)
        #expect(o["onTime"] as? [String] == ["ES", "HR", "AT"])
        #expect((o["missing"] as? [String])?.count == 25)
        let late = runCLI(
            [
                "deadline", "--questionnaire", "9396-1-15", "--today", "2015-09-30", "--format",
                "json",
            ], store: store)
        let l = try #require(
            try JSONSerialization.jsonObject(with: Data(late.out.utf8)) as? [String: Any])
        let lateList = try #require(l["late"] as? [[String: Any]])
        #expect(lateList.first?["delegation"] as? String == "IT")
        #expect(lateList.first?["received"] as? String == "2015-09-10T09:30:00+02:00")
        #expect(l["daysLeft"] as? Int == -23)
    }

    /// A minimal RFC 5322 reader: header fields (unfolded) and body.
    func parseMessage(_ text: String) throws -> (headers: [(String, String)], body: String) {
        #expect(
            !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "only CRLF line ends")
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = try #require(parts.first)
        var headers: [(String, String)] = []
        for line in head.components(separatedBy: "\r\n") {
            let ascii = line.allSatisfy { $0.isASCII }
            #expect(ascii, "headers are ASCII: \(line)")
            #expect(line.utf8.count <= 998)
            if line.hasPrefix(" ") || line.hasPrefix("\t") {
                headers[headers.count - 1].1 += line
            } else {
                let colon = try #require(line.firstIndex(of: ":"))
                headers.append(
                    (
                        String(line[..<colon]),
                        String(line[line.index(after: colon)...]).trimmingCharacters(
                            in: .whitespaces)
                    ))
            }
        }
        // The body unfolded: wrapped lines joined with spaces.
        let body = parts.dropFirst().joined(separator: "\r\n\r\n")
        #expect(body.components(separatedBy: "\r\n").allSatisfy { $0.count <= 78 })
        return (headers, body.replacingOccurrences(of: "\r\n", with: " "))
    }

    func decodeEncodedWords(_ value: String) throws -> String {
        var out = ""
        for word in value.split(whereSeparator: { $0 == " " || $0 == "\r" || $0 == "\n" }) {
            #expect(word.count <= 75)
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            let payload = word.dropFirst(10).dropLast(2)
            out += String(
                decoding: try #require(Data(base64Encoded: String(payload))), as: UTF8.self)
        }
        return out
    }

    @Test("Each reminder is a valid message naming the right Member State and dates")
    func reminders() throws {
        defer { TestSupport.cleanUp(folder) }
        let store = demoStore()
        let drafts = folder + "/drafts"
        let contacts = folder + "/contacts.csv"
        try TestSupport.write(
            "delegation;email\nCyprus;eu.customs@example.cy\nMT;\"a@example.mt; b@example.mt\"\n",
            to: contacts)
        let out = runCLI(
            [
                "deadline", "--questionnaire", "9396/1/15", "--today", "2015-09-08", "--reminders",
                drafts, "--contacts", contacts,
            ],
            store: store)
        #expect(out.status == .success)
        #expect(out.err.contains("9 reminder drafts written"))
        #expect(out.err.contains("no address for CZ DK IE IT PT SI SK"))
        let files = try FileManager.default.contentsOfDirectory(atPath: drafts).sorted()
        #expect(
            files
                == ["CY", "CZ", "DK", "IE", "IT", "MT", "PT", "SI", "SK"].map {
                    "9396-1-15-reminder-\($0).eml"
                })
        let cy = try parseMessage(
            String(
                decoding: try TestSupport.bytes(drafts + "/9396-1-15-reminder-CY.eml"),
                as: UTF8.self))
        let header = { (name: String) in cy.headers.first { $0.0 == name }?.1 }
        #expect(header("Date") == "Tue, 08 Sep 2015 09:00:00 +0200")
        #expect(header("To") == "eu.customs@example.cy")
        #expect(header("MIME-Version") == "1.0")
        #expect(header("Content-Type") == "text/plain; charset=UTF-8")
        #expect(header("From") != nil)
        let subject = try decodeEncodedWords(try #require(header("Subject")))
        #expect(subject == "Reminder / Rappel: 9396/1/15 – written comments due 7 September 2015")
        #expect(cy.body.contains("To the CY delegation (Cyprus)"))
        #expect(cy.body.contains("À l'attention de la délégation CY (Chypre)"))
        #expect(cy.body.contains("7 September 2015"))
        #expect(cy.body.contains("7 septembre 2015"))
        #expect(cy.body.contains("The deadline passed 1 day ago."))
        #expect(cy.body.contains("Le délai a expiré il y a 1 jour."))
        #expect(cy.body.contains("Brussels time"))
        let mt = try parseMessage(
            String(
                decoding: try TestSupport.bytes(drafts + "/9396-1-15-reminder-MT.eml"),
                as: UTF8.self))
        #expect(mt.headers.first { $0.0 == "To" }?.1 == "a@example.mt, b@example.mt")
        let it = try parseMessage(
            String(
                decoding: try TestSupport.bytes(drafts + "/9396-1-15-reminder-IT.eml"),
                as: UTF8.self))
        #expect(!it.headers.contains { $0.0 == "To" })
        // Before the deadline the drafts count the days left.
        let early = runCLI(
            [
                "deadline", "--questionnaire", "9396/1/15", "--today", "2015-09-01", "--reminders",
                folder + "/early",
            ], store: store)
        #expect(early.status == .success)
        let draft = String(
            decoding: try TestSupport.bytes(folder + "/early/9396-1-15-reminder-CY.eml"),
            as: UTF8.self)
        #expect(draft.contains("There are 6 days left."))
        #expect(draft.contains("Il reste 6 jours."))
    }

    @Test("A bad contacts file is refused with its places, and nothing is written")
    func badContacts() throws {
        defer { TestSupport.cleanUp(folder) }
        let store = demoStore()
        let contacts = folder + "/contacts.csv"
        try TestSupport.write(
            "delegation,email\nCyprys,a@b.cy\nMT,\"x@y.mt\r\nBcc: all@evil.example\"\nPT,not an address\n",
            to: contacts)
        let out = runCLI(
            [
                "deadline", "--questionnaire", "9396/1/15", "--today", "2015-09-08", "--reminders",
                folder + "/d", "--contacts", contacts,
            ],
            store: store)
        #expect(out.status == .dataError)
        #expect(
            out.err.split(separator: "\n").map(String.init) == [
                "\(contacts):2:1: error: unknown Member State \"Cyprys\"; did you mean \"Cyprus\"?",
                "\(contacts):3:4: error: \"x@y.mt␍␊Bcc: all@evil.example\" is not a plain e-mail address (local@domain)",
                "\(contacts):5:4: error: \"not an address\" is not a plain e-mail address (local@domain)",
            ])
        #expect(!FileManager.default.fileExists(atPath: folder + "/d"))
    }

    @Test("A folder that cannot be created exits 73")
    func cannotCreate() throws {
        defer { TestSupport.cleanUp(folder) }
        let store = demoStore()
        try TestSupport.write("a file", to: folder + "/blocker")
        let out = runCLI(
            [
                "deadline", "--questionnaire", "9396/1/15", "--today", "2015-09-08", "--reminders",
                folder + "/blocker/sub",
            ], store: store)
        #expect(out.status == .cannotCreate)
    }
}
