import ThreatSurvey

/// The options of the analysis commands (`rank`, `regions`, `tally`, `summary`).
package struct AnalysisOptions: ParsableArguments {
    @Option("ID", help: "the questionnaire (when more than one is in play)")
    var questionnaire: String?
    @Option("DATETIME", help: "as it stood then (a date alone: the end of that day)")
    var asOf: DateTimeInput?
    @Flag(help: "count each Member State's latest answer received by the deadline")
    var onTimeOnly: Bool
    @Option("FILE…", help: "read answer files directly instead of the store", completion: .file)
    var from: [String] = []
    @Option(
        "DATETIME",
        help: "with --from: when the files were received (without it, no answer is judged late)")
    var received: DateTimeInput?

    /// Every option at its default, ready for the parser.
    package init() {}

    /// The library's request, checked before any file is read.
    func request(allowSums: Bool = true) throws(SurveyError) -> AnalysisRequest {
        let request = AnalysisRequest(
            questionnaire: questionnaire, files: from, received: received, asOf: asOf,
            onTimeOnly: onTimeOnly,
            allowSums: allowSums)
        if received != nil && from.isEmpty { throw .usage("--received goes with --from FILE…") }
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
