import Foundation
import ThreatSurvey

/// `demo`: the main job on the bundled fixtures, in a temporary store.
enum DemoCommand: Command {
    static let spec = CommandSpec(
        name: "demo",
        summary: "the main job on the bundled fixtures: load, rank, regional breakdown, deadline",
        options: [.value("fixtures", "DIR", "the fixtures folder (default ./fixtures, else the package's)")],
        discussion: "The store is temporary and removed afterwards unless --store is given.")

    /// The package's own folder, for `swift run` from elsewhere.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(SurveyError) -> ExitStatus {
        var environment = environment
        let manager = FileManager.default
        let fixtures = arguments.value("fixtures") ?? (manager.fileExists(atPath: "fixtures") ? "fixtures" : packageRoot + "/fixtures")
        if arguments.value("questionnaires") == nil, !manager.fileExists(atPath: "questionnaires") {
            environment.questionnairesPath = packageRoot + "/questionnaires"
        }
        let temporary = arguments.value("store") == nil
        if temporary {
            environment.storePath = NSTemporaryDirectory() + "threatsurvey-demo-\(getpid())-\(UUID().uuidString).sqlite"
            Store.removeFiles(at: environment.storePath)
        }
        defer { if temporary { Store.removeFiles(at: environment.storePath) } }
        let catalog = try environment.catalog()
        let store = try environment.store()
        let manifests = try FixtureManifest.loadAll(fixtures: fixtures)
        guard !manifests.isEmpty else { throw .inputMissing(path: fixtures, reason: "no fixtures (no manifest.json in its folders)") }
        var blocks: [Document.Block] = []
        // Earliest deadline first: the call for comments 9396/1/15 before 10618/15.
        var ordered: [(FixtureManifest, Questionnaire)] = []
        for manifest in manifests { ordered.append((manifest, try catalog.find(manifest.questionnaire))) }
        ordered.sort { ($0.1.deadline, $0.1.id) < ($1.1.deadline, $1.1.id) }
        for (index, (manifest, questionnaire)) in ordered.enumerated() {
            let receipts = try manifest.replay(into: store, catalog: catalog)
            blocks += DemoReport.loaded(receipts, questionnaire: questionnaire, folder: manifest.folder)
            let submissions = try store.submissions(questionnaire: questionnaire.id)
            blocks += Ranking(questionnaire: questionnaire, submissions: submissions).document().blocks
            if index == 0 {
                blocks += RegionalBreakdown(questionnaire: questionnaire, submissions: submissions, grouping: .eurovoc)
                    .document().blocks
                // The deadline check as it stood the day after the deadline.
                blocks += DeadlineCheck(questionnaire: questionnaire, submissions: submissions, today: questionnaire.deadline.next)
                    .document().blocks
            }
            if !questionnaire.questions.isEmpty {
                blocks += Tally(questionnaire: questionnaire, submissions: submissions, grouping: .eurovoc).document().blocks
            }
        }
        environment.print(Document(blocks: blocks), format: .table)
        environment.console.err(
            temporary ? "demo store was temporary (pass --store PATH to keep it)" : "demo store kept at \(environment.storePath)")
        return .success
    }
}
