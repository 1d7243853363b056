import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// The same bytes are one submission (CONTRACT.md, "Intake rules added", "The same bytes"):
/// identical bytes given twice in one command, arriving again inside a mail, attached many
/// times to one mail, or saved out of a stored mail and submitted alone are stored once; the
/// receipt says "already stored", and the summary counts only what was written.
@Suite("The same bytes")
struct SameBytesTests {
    let folder: String
    var store: String { folder + "/store.sqlite" }
    let answer: String

    init() throws {
        folder = try TestSupport.temporaryFolder()
        answer = try String(contentsOfFile: TestSupport.fixture("pl.csv"), encoding: .utf8)
    }

    /// A mail from the Polish delegation with `count` attachments holding `text` each.
    static func mail(attaching text: String, count: Int) -> String {
        var mail =
            "From: Jan Kowalski <jan.kowalski@pl-rep.example.org>\r\nTo: ccwp@consilium.example.eu\r\n"
            + "Subject: 9396/1/15\r\nDate: Mon, 07 Sep 2015 11:00:00 +0200\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
        let body = Array(text.utf8).base64EncodedString
        for index in 1...count {
            mail +=
                "--b1\r\nContent-Type: text/csv\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"pl-\(index).csv\"\r\n\r\n\(body)\r\n"
        }
        return mail + "--b1--\r\n"
    }

    func write(_ text: String, _ name: String) throws -> String {
        let path = folder + "/" + name
        try TestSupport.write(text, to: path)
        return path
    }

    func submit(_ arguments: [String]) -> CLIResult {
        runCLI(["submit"] + arguments + ["--questionnaire", "9396/1/15"], store: store)
    }

    func storedSubmissions() throws -> Int {
        try Store(path: store, readOnly: true).submissions().count
    }

    @Test("One file given twice in one command is stored once")
    func twiceInOneCommand() throws {
        defer { TestSupport.cleanUp(folder) }
        let first = try write(answer, "pl.csv")
        let copy = try write(answer, "pl-copy.csv")
        let run = submit([first, copy, "--received", "2015-09-04"])
        #expect(run.status == .success, "\(run.err)")
        #expect(run.out.contains("Submission #1 to 9396/1/15 from PL"))
        #expect(run.out.contains("pl-copy.csv: already stored as #1 (PL, same bytes"))
        #expect(run.err.contains("1 submission stored in"))
        #expect(run.err.contains("1 already stored (same bytes), not stored again"))
        #expect(try storedSubmissions() == 1)
    }

    @Test("999 identical attachments in one mail are stored once")
    func identicalAttachments() throws {
        defer { TestSupport.cleanUp(folder) }
        let mail = try write(Self.mail(attaching: answer, count: 999), "pl.eml")
        let run = submit([mail])
        #expect(run.status == .success, "\(run.err)")
        #expect(run.out.contains("pl.eml » pl-999.csv: already stored as #1 (PL, same bytes"))
        #expect(run.err.contains("1 submission stored in"))
        #expect(run.err.contains("998 already stored (same bytes)"))
        #expect(try storedSubmissions() == 1)
    }

    @Test("An attachment saved out of a stored mail and submitted alone is already stored")
    func savedOutOfAMail() throws {
        defer { TestSupport.cleanUp(folder) }
        let mail = try write(Self.mail(attaching: answer, count: 1), "pl.eml")
        #expect(submit([mail]).status == .success)
        let saved = try write(answer, "pl-1.csv")
        let run = submit([saved, "--received", "2015-09-08"])
        #expect(run.status == .success, "\(run.err)")
        #expect(run.out.contains("pl-1.csv: already stored as #1 (PL, same bytes"))
        #expect(!run.out.contains("supersedes"))
        #expect(run.err.contains("0 submissions stored in"))
        #expect(try storedSubmissions() == 1)
    }

    @Test("A stored file arriving again inside a mail is already stored")
    func againInsideAMail() throws {
        defer { TestSupport.cleanUp(folder) }
        let file = try write(answer, "pl.csv")
        #expect(submit([file, "--received", "2015-09-04"]).status == .success)
        let mail = try write(Self.mail(attaching: answer, count: 1), "fwd.eml")
        let run = submit([mail, "--format", "json"])
        #expect(run.status == .success, "\(run.err)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let receipts = try #require(json["submissions"] as? [[String: Any]])
        #expect(receipts.count == 1)
        #expect(receipts.first?["alreadyStored"] as? Int == 1)
        #expect(receipts.first?["submittedFile"] as? String == "fwd.eml » pl-1.csv")
        #expect(try storedSubmissions() == 1)
    }

    @Test("`--each` counts only what it wrote")
    func eachCounts() throws {
        defer { TestSupport.cleanUp(folder) }
        let first = try write(answer, "pl.csv")
        let copy = try write(answer, "pl-copy.csv")
        let once = submit([first, copy, "--each", "--received", "2015-09-04"])
        #expect(once.status == .success, "\(once.err)")
        #expect(once.err.contains("1 submission stored in"))
        #expect(once.err.contains("1 already stored (same bytes)"))
        let again = submit([first, copy, "--each", "--received", "2015-09-04"])
        #expect(again.status == .success, "\(again.err)")
        #expect(again.err.contains("0 submissions stored in"))
        #expect(again.err.contains("2 already stored (same bytes)"))
        #expect(try storedSubmissions() == 1)
    }

    @Test("`--again` stores the same bytes anyway, in one command too")
    func againStoresAnyway() throws {
        defer { TestSupport.cleanUp(folder) }
        let first = try write(answer, "pl.csv")
        let run = submit([first, first, "--again", "--received", "2015-09-04"])
        #expect(run.status == .success, "\(run.err)")
        #expect(try storedSubmissions() == 2)
    }
}

extension [UInt8] {
    /// Standard base64 in lines of 76 characters, as mail writes it.
    fileprivate var base64EncodedString: String {
        Data(self).base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
    }
}
