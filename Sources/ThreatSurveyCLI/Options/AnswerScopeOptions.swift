import ThreatSurvey

/// Which answers an analysis reads from the store: the questionnaire, as it stood when, and
/// whether late answers count (`--questionnaire`, `--as-of`, `--on-time-only`).
///
/// Apart from ``AnalysisOptions``' `--from FILE…` because `summary`, `compile` and `plan` give
/// `--from` to the Council header's From line (CONTRACT.md, "Council documents").
public struct AnswerScopeOptions: ParsableArguments {
    @Option("ID", help: "the questionnaire (when more than one is in play)")
    var questionnaire: String?
    @Option("DATETIME", help: "as it stood then (a date alone: the end of that day)")
    var asOf: DateTimeInput?
    @Flag(help: "count each Member State's latest answer received by the deadline")
    var onTimeOnly: Bool

    /// Every option at its default, ready for the parser.
    public init() {}

    /// The library's request for these answers (and `files`, read instead of the store),
    /// checked before any file is read.
    func request(
        files: [String] = [], received: DateTimeInput? = nil, allowSums: Bool = true
    ) throws(SurveyError) -> AnalysisRequest {
        let request = AnalysisRequest(
            questionnaire: questionnaire, files: files, received: received, asOf: asOf,
            onTimeOnly: onTimeOnly, allowSums: allowSums)
        try AnalysisInput.check(request)
        return request
    }

    /// Reads the answers: from the files, else the store (which must exist).
    ///
    /// Prints the files' warnings once each (the commands print the note when lateness is unknown).
    func load(
        _ request: AnalysisRequest, store: StoreOptions, questionnaires: QuestionnairesOptions,
        _ context: CommandContext
    ) throws(SurveyError) -> AnalysisInput {
        let opened = request.files.isEmpty ? try store.forReading(context) : nil
        let catalog = try questionnaires.catalog(with: opened)
        let progress = context.progress("reading")
        let input = try AnalysisInput.load(
            request, catalog: catalog, store: opened, progress: progress)
        for warning in input.warnings { try context.console.err(warning) }
        return input
    }
}
