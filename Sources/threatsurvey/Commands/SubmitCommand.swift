import Foundation
import ThreatSurvey

/// `submit FILE… [--questionnaire ID] [--delegation MS] [--received DATETIME] [--dry-run]`
enum SubmitCommand: Command {
    static let spec = CommandSpec(
        name: "submit",
        summary: "validate delegations' answer files and store them, printing a receipt each",
        positionals: "FILE…", positionalCount: 1...Int.max,
        options: [
            .value("questionnaire", "ID", "the questionnaire answered (e.g. 9396/1/15); found from the files when left out"),
            .value("delegation", "MS", "whose answer this is (required for prose comments)"),
            .value("received", "DATETIME", "when it was received (default now; a date alone means 12:00 Brussels)"),
            .flag("dry-run", "validate and print the receipt, store nothing"),
        ],
        formats: [.table, .json],
        discussion: """
            Accepted: CSV (long: one row per threat; matrix: one row per delegation), JSON, and
            prose (.txt, .md). The delimiter and encoding are detected. A file with any error
            stores nothing; every problem is listed as FILE:LINE:COLUMN: error: ….
            """)

    static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(SurveyError) -> ExitStatus {
        var received: DateTimeInput?
        if let text = arguments.value("received") {
            guard let parsed = DateTimeInput(text) else {
                throw .usage("--received \(text): expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][+HH:MM]")
            }
            received = parsed
        }
        let request = SubmitRequest(
            paths: arguments.positionals, questionnaire: arguments.value("questionnaire"),
            delegation: arguments.value("delegation"), received: received, dryRun: arguments.flag("dry-run"))
        let catalog = try environment.catalog()
        if let streamed = try streamedSubmit(request, catalog: catalog, environment: environment) {
            environment.print(streamed.document(), format: arguments.format(spec))
            environment.console.err("1 file stored in \(environment.storePath) by streaming")
            return .success
        }
        let submitter = Submitter(catalog: catalog)
        // Validate everything before a store is even created: a bad file leaves no trace.
        let existing = try environment.existingStore()
        let prepared = try submitter.prepare(request, store: existing)
        var store = existing
        if store == nil && !request.dryRun { store = try environment.store() }
        let receipts = try submitter.commit(prepared, into: store)
        environment.print(Receipt.document(receipts), format: arguments.format(spec))
        let stored = request.dryRun ? "validated (dry run: nothing stored)" : "stored in \(environment.storePath)"
        environment.console.err("\(receipts.count) submission\(receipts.count == 1 ? "" : "s") \(stored)")
        return .success
    }

    /// One large long CSV with respondents is stored by streaming (flat memory, sums kept);
    /// `nil` when the file is small or needs the general reader.
    static func streamedSubmit(
        _ request: SubmitRequest, catalog: QuestionnaireCatalog, environment: Environment
    ) throws(SurveyError) -> StreamedReceipt? {
        try StreamingSubmitter(catalog: catalog).submit(
            request, existing: environment.existingStore, create: environment.store)
    }
}
