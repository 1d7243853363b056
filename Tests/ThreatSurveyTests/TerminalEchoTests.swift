import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// Nothing reaches a terminal raw, the officer's own text included; quoted values and lists
/// in messages are bounded; a bad questionnaire named in a file is bad data (CONTRACT.md,
/// "Bad input").
@Suite("Terminal echo")
struct TerminalEchoTests {
    static let hostile = "bad\u{1B}[2J\u{07} \u{202E}reversed"

    private func submitted(_ folder: String) -> String {
        let store = folder + "/s.sqlite"
        let run = runCLI(
            [
                "submit", TestSupport.fixture("se-comments.txt"), "--questionnaire", "9396/1/15",
                "--delegation", "SE", "--received", "2015-09-01",
            ], store: store)
        #expect(run.status == .success, "\(run.err)")
        return store
    }

    private func expectClean(_ run: CLIResult, _ what: String) {
        for control in ["\u{1B}", "\u{07}", "\u{202E}"] {
            #expect(!run.out.contains(control), "\(what) stdout: \(run.out)")
            #expect(!run.err.contains(control), "\(what) stderr: \(run.err)")
        }
    }

    @Test("review --reason and void --reason are shown through the sanitizer")
    func officerReason() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let store = submitted(folder)
        let review = runCLI(
            ["review", "1", "--reject", "1", "--reason", Self.hostile], store: store)
        #expect(review.status == .success, "\(review.err)")
        expectClean(review, "review")
        #expect(review.err.contains("bad␛[2J␇ <U+202E>reversed"))
        let void = runCLI(["void", "1", "--reason", Self.hostile], store: store)
        #expect(void.status == .success, "\(void.err)")
        expectClean(void, "void")
        #expect(void.out.contains("bad␛[2J␇ <U+202E>reversed"))
        let again = runCLI(["void", "1", "--reason", Self.hostile], store: store)
        #expect(again.status == .usage)
        expectClean(again, "void again")
    }

    @Test("A 1,000,000-character questionnaire name in a CSV: exit 65, one short line")
    func hugeQuestionnaireName() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let name = String(repeating: "Q", count: 1_000_000)
        let path = folder + "/huge.csv"
        try TestSupport.write("questionnaire,delegation,threat\n\(name),FR,firearms\n", to: path)
        let run = runCLI(["submit", path, "--dry-run"])
        #expect(run.status == .dataError)
        #expect(run.err.count < 1_000, "\(run.err.count) characters")
        #expect(
            run.err.contains(
                "huge.csv:2:1: error: unknown questionnaire \"\(name.prefix(200))… "
                    + "(999800 more characters)\"; known: 10618/15, 9396/1/15"))
        let ranked = runCLI(["rank", "--from", path])
        #expect(ranked.status == .dataError)
        #expect(ranked.err.count < 1_000)
        let option = runCLI(["template", name])
        #expect(option.status == .usage)
        #expect(option.err.count < 1_000)
    }

    @Test("A questionnaire named in a file is suggested when close")
    func nearQuestionnaireName() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/near.csv"
        try TestSupport.write("questionnaire,delegation,threat\n9396/1/16,FR,firearms\n", to: path)
        let run = runCLI(["submit", path, "--dry-run"])
        #expect(run.status == .dataError)
        #expect(run.err.contains("did you mean \"9396/1/15\"?"))
    }

    @Test("Lists in messages stop at ten, then say how many more")
    func boundedLists() throws {
        let names = (1...194).map { "Sheet\($0)" }
        let list = TerminalText.quotedList(names)
        #expect(list.hasPrefix("\"Sheet1\", \"Sheet2\""))
        #expect(list.hasSuffix("\"Sheet10\" and 184 more"))
        let workbook = try ZipFixture.xlsx(sheets: names.map { ($0, [["notes"]]) })
        let error = #expect(throws: SurveyError.self) {
            try AnswerFile.read(bytes: workbook, name: "many.xlsx")
        }
        let message = error.map { String(describing: $0) } ?? ""
        #expect(message.contains("has no header row (no row with two or more cells) and 184 more"))
        #expect(!message.contains("Sheet11"))
        #expect(message.count < 2_000)
    }
}
