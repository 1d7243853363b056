import ThreatSurvey

/// `show SUBMISSION [--original]`
enum ShowCommand: Command {
    static let spec = CommandSpec(
        name: "show",
        summary: "one submission as stored, or (--original) the exact bytes received",
        positionals: "SUBMISSION", positionalCount: 1...1,
        options: [.flag("original", "write the file exactly as received to standard output")],
        formats: [.table, .json])

    static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(SurveyError) -> ExitStatus {
        let written = arguments.positionals[0]
        guard let id = Int64(written.hasPrefix("#") ? String(written.dropFirst()) : written), id > 0 else {
            throw .usage("SUBMISSION is a number as shown by 'history' (e.g. 3 or #3), not \"\(written)\"")
        }
        guard let store = try environment.existingStore() else {
            throw .notFound("no store at \(environment.storePath); submit answers first (or pass --store)")
        }
        guard let submission = try store.submission(id: id) else {
            throw .notFound("no submission #\(id) in \(store.path) (see threatsurvey history)")
        }
        if arguments.flag("original") {
            environment.console.writeBytes(try store.originalBytes(fileID: submission.fileID))
            return .success
        }
        let questionnaire = try? environment.catalog().find(submission.questionnaire)
        let entry: HistoryEntry? = try HistoryEntry.entry(of: submission, in: store, questionnaire: questionnaire)
        var blocks = submission.blocks(
            title: "Submission #\(submission.id) to \(submission.questionnaire) from \(submission.delegation)",
            questionnaire: questionnaire)
        blocks.append(.text("status:        \(entry?.status ?? "unknown")"))
        for warning in submission.warnings { blocks.append(.text(warning)) }
        if let comments = submission.response.comments {
            blocks.append(.heading("Written comments"))
            blocks.append(.text(comments))
        }
        let document = Document(
            blocks: blocks,
            json: submission.json(in: questionnaire).adding("status", .optional(entry?.status)))
        environment.print(document, format: arguments.format(spec))
        return .success
    }
}
