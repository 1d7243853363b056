import Foundation
import ThreatSurvey

/// `demo`: the main job on the bundled fixtures, in a temporary store.
///
/// Everything it prints for a questionnaire is as it stood at one point in time: the end of
/// the day the last fixture arrived. The ranking and the deadline table therefore agree (a
/// late answer is counted, marked late, and listed as late rather than missing).
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "demo",
        summary: "the main job on the bundled fixtures: load, rank, regional breakdown, deadline",
        discussion: "The store is temporary and removed afterwards unless --store is given.",
        examples: [
            .init(
                "threatsurvey demo",
                "Loads the bundled fixtures into a temporary store and prints the ranking, regions and deadline check."
            ),
            .init(
                "threatsurvey demo --store demo.sqlite",
                "The same, keeping the store to explore afterwards."),
        ])

    /// The package's own folder, for `swift run` from elsewhere.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Option(
        "DIR", help: "the fixtures folder (default ./fixtures, else the package's)",
        completion: .directory)
    var fixtures: String?
    @Option(
        "PATH", help: "keep the demo store here (default a temporary store, removed afterwards)",
        completion: .file)
    var store: String?
    @Option(
        "DIR", help: "questionnaire definitions (default ./questionnaires, else the package's)",
        completion: .directory)
    var questionnaires: String?

    func run(_ context: CommandContext) throws(SurveyError) -> ExitStatus {
        let manager = FileManager.default
        let fixturesPath =
            fixtures
            ?? (manager.fileExists(atPath: "fixtures")
                ? "fixtures" : Self.packageRoot + "/fixtures")
        let questionnairesPath =
            questionnaires
            ?? (manager.fileExists(atPath: "questionnaires")
                ? "questionnaires" : Self.packageRoot + "/questionnaires")
        let storePath =
            store ?? NSTemporaryDirectory()
            + "threatsurvey-demo-\(getpid())-\(UUID().uuidString).sqlite"
        let temporary = store == nil
        if temporary { Store.removeFiles(at: storePath) }
        defer { if temporary { Store.removeFiles(at: storePath) } }
        let catalog = try QuestionnaireCatalog.load(folder: questionnairesPath)
        let opened = try Store(path: storePath)
        let manifests = try FixtureManifest.loadAll(fixtures: fixturesPath)
        guard !manifests.isEmpty else {
            throw .inputMissing(
                path: fixturesPath, reason: "no fixtures (no manifest.json in its folders)")
        }
        var blocks: [Document.Block] = []
        // The first questionnaire's draft plan and compilation, after everything else.
        var documents: (plan: Document, compilation: Document)?
        // Earliest deadline first: the call for comments 9396/1/15 before 10618/15.
        var ordered: [(FixtureManifest, Questionnaire)] = []
        for manifest in manifests {
            ordered.append((manifest, try catalog.find(manifest.questionnaire)))
        }
        // Then by folder: the 9396/1/15 files before the same answers as mailed.
        ordered.sort {
            ($0.1.deadline, $0.1.id, $0.0.folder) < ($1.1.deadline, $1.1.id, $1.0.folder)
        }
        for (index, (manifest, questionnaire)) in ordered.enumerated() {
            let receipts = try manifest.replay(into: opened, catalog: catalog)
            let loaded = CountedAnswers(
                questionnaire: questionnaire, submissions: receipts.map(\.submission))
            blocks += DemoReport.loaded(
                receipts, questionnaire: questionnaire, folder: manifest.folder,
                responded: loaded.responded)
            let submissions = try opened.countedSubmissions(questionnaire: questionnaire.id)
            // One point in time for everything below: the end of the day the last answer came.
            let lastDay = CivilDate(
                submissions.map(\.received).max() ?? questionnaire.deadlineInstant,
                in: questionnaire.timeZone)
            let asOf = RankingOptions(asOf: lastDay.endOfDay(in: questionnaire.timeZone))
            blocks.append(
                .note(
                    "\(questionnaire.id) as it stood at the end of \(lastDay), when the last answer arrived"
                ))
            blocks +=
                Ranking(questionnaire: questionnaire, submissions: submissions, options: asOf)
                .document().blocks
            if index == 0 {
                let ranking = Ranking(
                    questionnaire: questionnaire, submissions: submissions, options: asOf)
                let breakdown = RegionalBreakdown(
                    questionnaire: questionnaire, submissions: submissions, grouping: .eurovoc,
                    options: asOf)
                documents = try Self.documents(
                    questionnaire, store: opened, day: lastDay,
                    plan: ActionPlan(
                        ranking: ranking, breakdown: breakdown, submissions: submissions))
                blocks +=
                    RegionalBreakdown(
                        questionnaire: questionnaire, submissions: submissions, grouping: .eurovoc,
                        options: asOf
                    ).document().blocks
                blocks +=
                    DeadlineCheck(
                        questionnaire: questionnaire, submissions: submissions, today: lastDay
                    )
                    .document().blocks
            }
            if !questionnaire.questions.isEmpty {
                blocks +=
                    Tally(
                        questionnaire: questionnaire, submissions: submissions, grouping: .eurovoc,
                        options: asOf
                    )
                    .document().blocks
            }
        }
        if let documents { blocks += documents.plan.blocks }
        try context.print(Document(blocks: blocks), format: .table)
        if let documents {
            try Self.write(documents, folder: NSTemporaryDirectory() + "threatsurvey-demo", context)
        }
        try context.console.err(
            temporary
                ? "demo store was temporary (pass --store PATH to keep it)"
                : "demo store kept at \(storePath)")
        return .success
    }

    /// The draft plan and the compilation of `questionnaire`'s replies, dated `day` (when the
    /// last answer arrived), as the secretariat would circulate them.
    static func documents(
        _ questionnaire: Questionnaire, store: Store, day: CivilDate, plan: ActionPlan
    ) throws(SurveyError) -> (plan: Document, compilation: Document) {
        let details = CouncilHeader.Details(date: day)
        let compilation = try Compilation(store: store, questionnaire: questionnaire)
        return (
            plan.document(
                header: CouncilHeader(
                    questionnaire: questionnaire, kind: CouncilHeader.note, subject: plan.subject,
                    details: details)),
            compilation.document(
                header: CouncilHeader(
                    questionnaire: questionnaire, kind: CouncilHeader.note,
                    subject: compilation.subject, details: details))
        )
    }

    /// Writes the plan and the compilation as Markdown into `folder` (replaced on every run,
    /// so that demos leave one copy behind) and says where on standard error.
    static func write(
        _ documents: (plan: Document, compilation: Document), folder: String,
        _ context: CommandContext
    ) throws(SurveyError) {
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(path: folder, reason: "\(error)")
        }
        // A shared temporary folder: a symbolic link planted there is not followed.
        let type =
            try? FileManager.default.attributesOfItem(atPath: folder)[.type] as? FileAttributeType
        guard type == .typeDirectory else {
            throw .cannotCreate(path: folder, reason: "is not a folder; refusing to write into it")
        }
        for (name, document, what) in [
            ("plan.md", documents.plan, "draft Action Plan"),
            ("compilation.md", documents.compilation, "compilation of the replies"),
        ] {
            try context.write(
                Array(document.render(as: .markdown).utf8), path: folder + "/" + name, what: what)
        }
    }
}
