import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// One rule for who is late, used by the headline, the tiles, rank and the summary.
@Suite("One truth per figure: who is late")
struct OneTruthTests {
    @Test(
        "Headline, tiles, deadline and summary agree: an on-time answer resubmitted late is not \"after the deadline\""
    )
    func lateAgrees() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let store = folder + "/store.sqlite"
        for (file, when, again) in [
            ("hu.csv", "2015-09-01", false), ("pl.csv", "2015-09-01", false),
            ("el.json", "2015-09-09", false),
            ("hu.csv", "2015-09-10", true),
        ] {
            let result = runCLI(
                ["submit", TestSupport.fixture(file), "--received", when]
                    + (again ? ["--again"] : []), store: store)
            #expect(result.status == .success)
        }
        let summary = runCLI(["summary"], store: store)
        #expect(
            summary.out.contains(
                "Three Member States replied to 9396/1/15 (one after the deadline)."))
        let report = runCLI(["report", "--today", "2015-09-30"], store: store)
        #expect(report.out.contains("Member States answered — 2 on time, 1 late, 25 missing."))
        #expect(report.out.contains("(one after the deadline)"))
        let rank = runCLI(["rank", "--format", "json"], store: store)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(rank.out.utf8)) as? [String: Any])
        // rank lists the answers it counts that arrived late (HU's resubmission), a different statement.
        #expect(object["late"] as? [String] == ["EL", "HU"])
        let deadline = runCLI(
            ["deadline", "--today", "2015-09-30", "--format", "json"], store: store)
        let check = try #require(
            try JSONSerialization.jsonObject(with: Data(deadline.out.utf8)) as? [String: Any])
        #expect((check["late"] as? [[String: Any]])?.map { $0["delegation"] as? String } == ["EL"])
        #expect(
            (check["resubmittedLate"] as? [[String: Any]])?.map { $0["delegation"] as? String } == [
                "HU"
            ])
    }

    @Test("Provenance says an answer off the roster is not counted (UK, 2026)")
    func offRoster() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let store = folder + "/store.sqlite"
        let resources = TestSupport.root + "/Tests/ThreatSurveyTests/Resources/decisions/"
        let submit = runCLI(
            ["submit", resources + "uk-fr-2026.csv", "--received", "2026-09-01"], store: store,
            questionnaires: resources + "q2026")
        #expect(submit.status == .success)
        let report = runCLI(
            ["report", "--today", "2026-09-30"], store: store, questionnaires: resources + "q2026")
        // One row for the file (provenance by file): it counts for FR, not for UK.
        #expect(report.out.contains("<td>counted for FR; not counted: UK not on the roster</td>"))
    }
}
