import ThreatSurvey

/// The `tally` command.
///
/// `tally [--questionnaire ID] [--grouping G]`
struct TallyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "tally",
        summary: "counts of the answers to yes/no and choice questions, overall and per region",
        examples: [
            .init(
                "threatsurvey tally --questionnaire 10618/15",
                "How delegations answered the yes/no and choice questions, overall and per region.")
        ])

    @OptionGroup var analysis: AnalysisOptions
    @OptionGroup var regions: GroupingOptions
    @Option("FORMAT", help: "output format", values: [.table, .markdown, .csv, .json, .html])
    var format: OutputFormat = .table
    @OptionGroup var store: StoreOptions
    @OptionGroup var questionnaires: QuestionnairesOptions

    func run(_ context: CommandContext) throws(SurveyError) -> ExitStatus {
        let request = try analysis.request(allowSums: false)
        let grouping = try regions.resolve()
        if request.files.isEmpty {
            // From the store: streamed files by their sums, flat in memory.
            let tally = try AnalysisInput.storedTally(
                request, grouping: grouping, catalog: try questionnaires.catalog(),
                store: try store.forReading(context))
            try context.print(tally.document(), format: format)
            return .success
        }
        let input = try analysis.load(
            request, store: store, questionnaires: questionnaires, context)
        let tally = Tally(
            questionnaire: input.questionnaire, submissions: input.submissions, grouping: grouping,
            options: input.options)
        var document = tally.document()
        if input.latenessUnknown { document = document.noting(AnalysisInput.latenessUnknownNote) }
        try context.print(document, format: format)
        return .success
    }
}
