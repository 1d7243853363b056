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
        let expanded = try Submitter.expandingFoldersSaying(files)
        if let warning = Submitter.skippedWarning(expanded.skipped) {
            try context.console.err(warning)
        }
        var request = SubmitRequest(
            paths: expanded.files, questionnaire: questionnaire,
            delegation: delegation?.code, received: received, dryRun: dryRun)
        request.contacts = contacts
        request.again = again
        let existing = try store.existing(context)
        let submitter = Submitter(catalog: try questionnaires.catalog(with: existing))
        if each {
            return try eachOnItsOwn(request, submitter: submitter, existing: existing, context)
        }
        // Large long CSVs with respondents are streamed into the store (flat memory); a
        // store this command created for files it then refused is removed again.
        let outcome = try ProgressContext.with(
            context.progress("storing"),
            total: request.paths.reduce(Int64(0)) { $0 + (InputFile.size($1) ?? 0) }
        ) { () throws(SurveyError) in
            try StreamingSubmitter(catalog: submitter.catalog).submitRouted(
                request, existing: { existing },
                create: { () throws(SurveyError) in try store.openOrCreate(context) })
        }
        var routes: [SubmitRoute] = []
        switch outcome {
        case .general(let general): routes = general
        case .streamed(let receipts) where !receipts.isEmpty:
            return try streamed(receipts, submitter: submitter, existing: existing, context)
        case .streamed: break
        }
        return try general(
            request, routes: routes, submitter: submitter, existing: existing, context)
    }

    /// The receipts of files stored by streaming, and the definition kept with them.
    private func streamed(
        _ receipts: [StreamedReceipt], submitter: Submitter, existing: Store?,
        _ context: CommandContext
    ) throws(SurveyError) -> ExitStatus {
        if let questionnaire = receipts.first?.questionnaire {
            // The definition the files were validated against is kept with them (a store
            // stands alone).
            let target: Store? = existing != nil ? existing : try store.existing(context)
            if let target {
                try submitter.keepDefinition(of: questionnaire, for: [], in: target)
            }
            try context.print(StreamedReceipt.document(receipts), format: format)
            // The streamed receipt has no warning list: the one warning about the request
            // itself (a received time before the questionnaire was issued) is said here.
            if let instant = received?.resolve(in: questionnaire.timeZone),
                let warning = questionnaire.beforeIssueWarning(instant)
            {
                try context.console.err("warning: " + warning)
            }
            try context.console.err(
                "\(receipts.count) file\(receipts.count == 1 ? "" : "s") stored in \(store.path(context)) by streaming"
            )
        }
        return .success
    }

    /// The general reader: every file validated before a store is even created, so a bad
    /// file leaves no trace.
    private func general(
        _ request: SubmitRequest, routes: [SubmitRoute], submitter: Submitter, existing: Store?,
        _ context: CommandContext
    ) throws(SurveyError) -> ExitStatus {
        // Why a large file takes the slower reader is said before it is read.
        for route in routes { try context.console.err("note: \(route)") }
        let total = request.paths.reduce(Int64(0)) { $0 + (InputFile.size($1) ?? 0) }
        let prepared = try ProgressContext.with(context.progress("reading"), total: total) {
            () throws(SurveyError) in
            try submitter.prepare(request, store: existing)
        }
        var target = existing
        if target == nil && !request.dryRun { target = try store.openOrCreate(context) }
        let receipts = try submitter.commit(prepared, into: target)
        try context.print(Receipt.document(receipts, routes: routes), format: format)
        try context.console.err(summary(receipts, dryRun: request.dryRun, context))
        return .success
    }

    /// `2 submissions stored in STORE; 1 already stored (same bytes), not stored again`:
    /// only what this command wrote is counted as stored.
    private func summary(_ receipts: [Receipt], dryRun: Bool, _ context: CommandContext) -> String {
        let stored =
            dryRun ? "validated (dry run: nothing stored)" : "stored in \(store.path(context))"
        let new = receipts.filter { !$0.alreadyStored }.count
        let again = receipts.count - new
        return "\(new) submission\(new == 1 ? "" : "s") \(stored)"
            + (again > 0 ? "; \(again) already stored (same bytes), not stored again" : "")
    }

    /// `--each`: every file (a mail with all its parts) validated and stored on its own, so
    /// one bad mail among twenty does not hold back the nineteen; the failed ones are listed
    /// at the end, and the exit status is 65 when any failed.
    private func eachOnItsOwn(
        _ request: SubmitRequest, submitter: Submitter, existing: Store?, _ context: CommandContext
    ) throws(SurveyError) -> ExitStatus {
        let routes = Submitter.eachRoutes(request)
        for route in routes { try context.console.err("note: \(route)") }
        var target = existing
        var receipts: [Receipt] = []
        var failed: [(path: String, error: SurveyError)] = []
        for path in request.paths {
            var one = request
            one.paths = [path]
            do {
                let prepared = try submitter.prepare(one, store: target)
                if target == nil && !request.dryRun { target = try store.openOrCreate(context) }
                receipts += try submitter.commit(prepared, into: target)
            } catch {
                switch error {
                case .invalidData, .inputMissing, .usage: failed.append((path, error))
                default: throw error
                }
            }
        }
        if !receipts.isEmpty {
            try context.print(Receipt.document(receipts, routes: routes), format: format)
        }
        try context.console.err(summary(receipts, dryRun: request.dryRun, context))
        guard !failed.isEmpty else { return .success }
        try context.console.err(
            "\(failed.count) of \(request.paths.count) file\(request.paths.count == 1 ? "" : "s") failed, nothing stored from "
                + (failed.count == 1 ? "it:" : "them:"))
        for (path, error) in failed {
            try context.console.err("  \(path)")
            try context.console.err(error.description)
        }
        return .dataError
    }
}
