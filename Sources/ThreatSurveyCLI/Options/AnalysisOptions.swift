import ThreatSurvey

/// The options of the analysis commands that may read answer files directly (`rank`,
/// `regions`, `tally`): the answers' scope, and `--from FILE…` with `--received`.
package struct AnalysisOptions: ParsableArguments {
    @OptionGroup var scope: AnswerScopeOptions
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
        if received != nil && from.isEmpty { throw .usage("--received goes with --from FILE…") }
        return try scope.request(files: from, received: received, allowSums: allowSums)
    }

    /// Reads the answers: from the files, else the store (which must exist).
    ///
    /// Prints the files' warnings once each (the commands print the note when lateness is unknown).
    func load(
        _ request: AnalysisRequest, store: StoreOptions, questionnaires: QuestionnairesOptions,
        _ context: CommandContext
    ) throws(SurveyError) -> AnalysisInput {
        try scope.load(request, store: store, questionnaires: questionnaires, context)
    }
}
