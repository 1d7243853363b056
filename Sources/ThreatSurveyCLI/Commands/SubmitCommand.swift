import Foundation
import ThreatSurvey

/// The `submit` command.
///
/// `submit FILE… [--questionnaire ID] [--delegation MS] [--received DATETIME] [--dry-run]`
struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "submit",
        summary: "validate delegations' answer files and store them, printing a receipt each",
        discussion: """
            Accepted: CSV (long: one row per threat; matrix: one row per delegation), JSON, and
            prose (.txt, .md). The delimiter and encoding are detected. A file with any error
            stores nothing; every problem is listed as FILE:LINE:COLUMN: error: ….
            """)

    @Argument("FILE…", help: "the answer files", completion: .file)
    var files: [String]
    @Option(
        "ID",
        help: "the questionnaire answered (e.g. 9396/1/15); found from the files when left out")
    var questionnaire: String?
    @Option("MS", help: "whose answer this is (required for prose comments)")
    var delegation: MemberState?
    @Option(
        "DATETIME", help: "when it was received (default now; a date alone means 12:00 Brussels)")
    var received: DateTimeInput?
    @Flag(help: "validate and print the receipt, store nothing")
    var dryRun: Bool
    @Flag(help: "store the file even when the same bytes are already stored for its delegation")
    var again: Bool
    @Option("FORMAT", help: "output format", values: [.table, .json])
    var format: OutputFormat = .table
    @OptionGroup var store: StoreOptions
    @OptionGroup var questionnaires: QuestionnairesOptions

    func run(_ context: CommandContext) throws(SurveyError) -> ExitStatus {
        var request = SubmitRequest(
            paths: files, questionnaire: questionnaire, delegation: delegation?.code,
            received: received, dryRun: dryRun)
        request.again = again
        let existing = try store.existing(context)
        let submitter = Submitter(catalog: try questionnaires.catalog(with: existing))
        if let plan = try submitter.streamingPlan(request, store: existing) {
            let target: Store
            if let existing { target = existing } else { target = try store.openOrCreate(context) }
            let when = received?.resolve(in: plan.questionnaire.timeZone) ?? Date()
            let streamed: StreamedReceipt?
            do throws(SurveyError) {
                streamed = try ProgressContext.with(
                    context.progress("storing"), total: InputFile.size(plan.path)
                ) {
                    () throws(SurveyError) in
                    try target.insertStreamed(
                        path: plan.path, name: (plan.path as NSString).lastPathComponent,
                        questionnaire: plan.questionnaire, received: when)
                }
            } catch {
                // A store this command created for a file it then refused is removed again.
                if existing == nil { Store.removeFiles(at: store.path(context)) }
                throw error
            }
            guard let receipt = streamed else {
                if existing == nil { Store.removeFiles(at: store.path(context)) }
                return try general(request, submitter: submitter, existing: existing, context)
            }
            try submitter.keepDefinition(of: plan.questionnaire, for: [], in: target)
            try context.print(receipt.document(), format: format)
            try context.console.err("1 file stored in \(store.path(context)) by streaming")
            return .success
        }
        return try general(request, submitter: submitter, existing: existing, context)
    }

    /// The general reader: every file validated before a store is even created, so a bad
    /// file leaves no trace.
    private func general(
        _ request: SubmitRequest, submitter: Submitter, existing: Store?, _ context: CommandContext
    ) throws(SurveyError) -> ExitStatus {
        let total = request.paths.reduce(Int64(0)) { $0 + (InputFile.size($1) ?? 0) }
        let prepared = try ProgressContext.with(context.progress("reading"), total: total) {
            () throws(SurveyError) in
            try submitter.prepare(request, store: existing)
        }
        var target = existing
        if target == nil && !request.dryRun { target = try store.openOrCreate(context) }
        let receipts = try submitter.commit(prepared, into: target)
        try context.print(Receipt.document(receipts), format: format)
        let stored =
            request.dryRun
            ? "validated (dry run: nothing stored)" : "stored in \(store.path(context))"
        let new = receipts.filter { !$0.alreadyStored }.count
        let again = receipts.count - new
        try context.console.err(
            "\(new) submission\(new == 1 ? "" : "s") \(stored)"
                + (again > 0 ? "; \(again) already stored (same bytes), not stored again" : ""))
        return .success
    }
}
