import Testing

@testable import ThreatSurvey

/// `history`'s count of answers received after the deadline leaves out voided submissions
/// (a withdrawn answer is nobody's late answer), and says it did.
@Suite("History late count")
struct HistoryLateCountTests {
    @Test("A voided late submission is marked LATE but not counted")
    func voidedLate() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let store = folder + "/s.sqlite"
        let file = TestSupport.fixture("se-comments.txt")
        for received in ["2015-09-10", "2015-09-11"] {
            let run = runCLI(
                [
                    "submit", file, "--questionnaire", "9396/1/15", "--delegation", "SE",
                    "--received", received, "--again",
                ], store: store)
            #expect(run.status == .success, "\(run.err)")
        }
        let before = runCLI(["history"], store: store)
        #expect(before.out.contains("2 received after the deadline (marked LATE)."))
        let void = runCLI(["void", "2", "--reason", "entered twice"], store: store)
        #expect(void.status == .success, "\(void.err)")
        let after = runCLI(["history"], store: store)
        let words = after.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(
            words.contains("1 received after the deadline (marked LATE); 1 voided, not counted."),
            "\(after.out)")
    }
}
