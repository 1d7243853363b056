import Foundation
import ThreatSurvey

/// The `submit` command.
///
/// `submit FILE…|FOLDER… [--questionnaire ID] [--delegation MS] [--received DATETIME]
/// [--contacts FILE] [--each] [--dry-run]`
struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "submit",
        summary: "validate delegations' answer files and store them, printing a receipt each",
        discussion: """
            Accepted: CSV (long: one row per threat; matrix: one row per delegation), JSON,
            prose (.txt, .md) and mail (.eml, Outlook .msg): every answer attachment of a mail is
            submitted with its own receipt, else its body is read as prose; its received time is
            the mail's delivery time, else its Date header, unless --received is given; its
            delegation is the answer's own, else --delegation, else the sender's in --contacts.
            A FOLDER stands for the regular files directly in it, sorted by name (not recursive,
            hidden files left out). The delimiter and encoding are detected. A file with any error
            stores nothing, and neither does any other (all or nothing); with --each every good
            file or mail is stored and the failed ones are listed at the end (exit 65). Every
            problem is listed as FILE:LINE:COLUMN: error: … (in a mail: MAIL » PART:LINE:…).
            """,
        examples: [
            .init(
                "threatsurvey submit pt.csv --received 2015-09-03",
                "Validates and stores one answer received on 3 September (a date alone means 12:00 in the questionnaire's time zone)."
            ),
            .init(
                "threatsurvey submit cy.txt --delegation CY --dry-run",
                "Reads written comments and prints the receipt without storing anything."),
            .init(
                "threatsurvey submit inbox/ --contacts contacts.csv --each",
                "Submits every mail in a folder; the sender's address decides whose answer it is, and each mail is stored or refused on its own."
            ),
        ])

    @Argument("FILE…", help: "the answer files, mails, or folders of them", completion: .file)
    var files: [String]
    @Option(
        "ID",
        help: "the questionnaire answered (e.g. 9396/1/15); found from the files when left out")
    var questionnaire: String?
    @Option("MS", help: "whose answer this is (required for prose comments)")
    var delegation: MemberState?
    @Option(
        "DATETIME",
        help:
            "when it was received (default: a mail's own time, else now; a date alone means 12:00 Brussels)"
    )
    var received: DateTimeInput?
    @Option(
        "FILE", help: "CSV of delegation,email: a mail's sender decides whose answer it is",
        completion: .file)
    var contacts: String?
    @Flag(help: "store every good file or mail on its own; list the failed ones (exit 65 if any)")
    var each: Bool
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
        request.contacts = contacts
        request.again = again
        request.each = each
        let existing = try store.existing(context)
        let submitter = Submitter(catalog: try questionnaires.catalog(with: existing))
        let access = SubmitStoreAccess(existing: existing) { () throws(SurveyError) in
            try store.openOrCreate(context)
        }
        let outcome: SubmitOutcome
        do {
            outcome = try submitter.submit(request, store: access) { context.progress($0.rawValue) }
        } catch {
            try sayFirst(error.said, context)
            throw error.error
        }
        try sayFirst(outcome, context)
        guard !outcome.isStreamed else { return try streamed(outcome, context) }
        if !outcome.receipts.isEmpty || !each {
            try context.print(
                Receipt.document(outcome.receipts, routes: outcome.routes), format: format)
        }
        try context.console.err(summary(outcome, context))
        guard !outcome.failures.isEmpty else { return .success }
        let files = outcome.fileCount
        try context.console.err(
            "\(outcome.failures.count) of \(files) file\(files == 1 ? "" : "s") failed, nothing stored from "
                + (outcome.failures.count == 1 ? "it:" : "them:"))
        for failure in outcome.failures {
            try context.console.err("  \(failure.path)")
            try context.console.err(failure.error.description)
        }
        return .dataError
    }

    /// What is said before any receipt, on success or failure alike: folder entries left out,
    /// and why a large file took the general reader.
    private func sayFirst(_ outcome: SubmitOutcome, _ context: CommandContext)
        throws(SurveyError)
    {
        if let warning = Submitter.skippedWarning(outcome.skipped) {
            try context.console.err(warning)
        }
        for route in outcome.routes { try context.console.err("note: \(route)") }
        for note in outcome.notes { try context.console.err("note: \(note)") }
    }

    /// The receipts of files stored by streaming.
    private func streamed(_ outcome: SubmitOutcome, _ context: CommandContext)
        throws(SurveyError) -> ExitStatus
    {
        try context.print(StreamedReceipt.document(outcome.streamed), format: format)
        for warning in outcome.warnings { try context.console.err(warning) }
        let count = outcome.streamed.count
        try context.console.err(
            "\(count) file\(count == 1 ? "" : "s") stored in \(store.path(context)) by streaming")
        return .success
    }

    /// `2 submissions stored in STORE; 1 already stored (same bytes), not stored again`:
    /// only what this command wrote is counted as stored.
    private func summary(_ outcome: SubmitOutcome, _ context: CommandContext) -> String {
        let stored =
            outcome.dryRun
            ? "validated (dry run: nothing stored)" : "stored in \(store.path(context))"
        let new = outcome.newlyStored
        let again = outcome.alreadyStored
        return "\(new) submission\(new == 1 ? "" : "s") \(stored)"
            + (again > 0 ? "; \(again) already stored (same bytes), not stored again" : "")
    }
}
