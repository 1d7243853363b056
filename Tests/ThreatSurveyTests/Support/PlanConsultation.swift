import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// The consultation `compile` and `plan` are tested on (Resources/plan): questionnaire 1/2/26,
/// a roster of ten, deadline 30 January 2026.
///
/// BE, DE, ES answer in one long CSV (BE comments on firearms, DE on cash without priority);
/// PL answers jointly with CZ and SK (tobacco first); EL writes prose (a numbered list, a
/// paragraph naming drugs only in a negated clause, one naming two threats); IT answers late
/// (JSON, with comments); FR and PT do not reply. Counts: firearms 6, drugs 4, tobacco 3,
/// cultural goods 3, cash 1 of 8; cultural goods signal Southern Europe, tobacco Central and
/// Eastern Europe (3 of 3 there, 0 of 5 elsewhere, p = 1/56).
struct PlanConsultation {
    static let resources = TestSupport.root + "/Tests/ThreatSurveyTests/Resources/plan"
    static let questionnaires = resources + "/questionnaires"
    let folder: String
    let store: String

    init() throws {
        folder = try TestSupport.temporaryFolder()
        store = folder + "/store.sqlite"
        for (file, extra) in [
            ("answers.csv", ["--received", "2026-01-20"]),
            ("pl-joint.json", ["--received", "2026-01-21"]),
            ("el.txt", ["--received", "2026-01-22", "--delegation", "EL"]),
            ("it.json", ["--received", "2026-02-02"]),
        ] {
            let result = run(["submit", Self.resources + "/" + file] + extra)
            #expect(result.status == .success, "\(file): \(result.err)")
        }
    }

    /// Runs the CLI on this consultation's store and questionnaires.
    func run(_ arguments: [String]) -> CLIResult {
        runCLI(arguments, store: store, questionnaires: Self.questionnaires)
    }

    /// The JSON object `arguments --format json` prints.
    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = run(arguments + ["--format", "json"])
        #expect(result.status == .success, "\(arguments): \(result.err)")
        return try #require(
            try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    }

    func cleanUp() { TestSupport.cleanUp(folder) }
}
