import ThreatSurvey

/// The `show` command.
///
/// `show SUBMISSION [--original]`
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "show", summary: "one submission as stored, or (--original) the exact bytes received",
        examples: [
            .init(
                "threatsurvey show 3",
                "Submission #3 as stored: delegation, received time, every mention and where it was found."
            ),
            .init(
                "threatsurvey show 3 --original > as-received.csv",
                "The exact bytes received, written back to a file."),
        ])

    @Argument("SUBMISSION", help: "the submission's number as shown by 'history' (3 or #3)")
    var submission: SubmissionNumber
    @Flag(help: "write the file exactly as received to standard output")
    var original: Bool
    @Option("FORMAT", help: "output format", values: [.table, .json])
    var format: OutputFormat = .table
    @OptionGroup var store: StoreOptions
    @OptionGroup var questionnaires: QuestionnairesOptions

    func run(_ context: CommandContext) throws(SurveyError) -> ExitStatus {
        let id = submission.id
        let opened = try store.forReading(context)
        // A submission gathering respondents: every answer only for JSON; the table lists
        // the first ones (a delegation's file may hold a hundred thousand).
        guard let found = try opened.submission(id: id, respondents: format == .json) else {
            throw .inputMissing(
                path: opened.path,
                reason: "no submission #\(id) in this store (see threatsurvey history)")
        }
        if original {
            // Piece by piece as the store gives them back (a streamed file of 168 MB is never
            // held whole); the first failed write stops the rest.
            var failure: SurveyError?
            try opened.writeOriginal(fileID: found.fileID) { piece in
                guard failure == nil else { return }
                do throws(SurveyError) {
                    try context.console.writeBytes(piece)
                } catch { failure = error }
            }
            if let failure { throw failure }
            return .success
        }
        let questionnaire = try? questionnaires.catalog(with: opened).find(found.questionnaire)
        // Only this submission's Member States are looked up: the cost does not grow with the store.
        let entry: HistoryEntry? = try HistoryEntry.entry(
            of: found, in: opened, questionnaire: questionnaire)
        var blocks = found.blocks(
            title: "Submission #\(found.id) to \(found.questionnaire) from \(found.delegation)",
            questionnaire: questionnaire,
            listing: found.gathersRespondents && format != .json
                ? try opened.respondentAnswers(of: found, limit: ShowCommand.listed) : nil)
        blocks.append(.text("status:        \(entry?.status ?? "unknown")"))
        let decisions = entry?.decisions ?? []
        if !decisions.isEmpty {
            blocks.append(
                .heading("The officer's decisions (what counts: threatsurvey review \(found.id))"))
            for d in decisions { blocks.append(.text(d.line)) }
        }
        for warning in found.warnings { blocks.append(.text(warning)) }
        if let comments = found.response.comments {
            blocks.append(.heading("Written comments"))
            blocks.append(.text(comments))
        }
        let document = Document(
            blocks: blocks,
            json: found.json(in: questionnaire).adding("status", .optional(entry?.status))
                .adding("decisions", .array(decisions.map(\.json)))
                .adding("voided", entry?.voided.map(\.json) ?? .null))
        try context.print(document, format: format)
        return .success
    }
}

extension ShowCommand {
    /// How many respondents' answers the table lists.
    static let listed = 100
}
