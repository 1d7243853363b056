import ThreatSurvey

/// A significance threshold strictly between 0 and 1.
struct Significance: ExpressibleByArgument, Sendable {
    var value: Double

    init(_ value: Double) { self.value = value }

    init?(argument text: String) {
        guard text.count <= 32, let parsed = Double(text), parsed > 0, parsed < 1 else {
            return nil
        }
        value = parsed
    }

    static var expectation: String { "a number between 0 and 1" }
    var argumentText: String { String(value) }
}

/// The `regions` command.
///
/// `regions [--questionnaire ID] [--grouping G] [--groupings FILE] [--alpha A]`
struct RegionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "regions", summary: "the ranking per region, and threats concentrated in one region",
        examples: [
            .init(
                "threatsurvey regions",
                "The ranking per EuroVoc region, and the threats concentrated in one region."),
            .init(
                "threatsurvey regions --grouping land-borders --format json",
                "The same for the land-border regions, as JSON."),
        ])

    @OptionGroup var analysis: AnalysisOptions
    @OptionGroup var regions: GroupingOptions
    @Option("A", help: "significance threshold for signals")
    var alpha: Significance = Significance(RegionalBreakdown.defaultAlpha)
    @Option("FORMAT", help: "output format", values: [.table, .markdown, .csv, .json, .html])
    var format: OutputFormat = .table
    @OptionGroup var store: StoreOptions
    @OptionGroup var questionnaires: QuestionnairesOptions

    func run(_ context: CommandContext) throws(SurveyError) -> ExitStatus {
        let request = try analysis.request()
        let grouping = try regions.resolve()
        let input = try analysis.load(
            request, store: store, questionnaires: questionnaires, context)
        var document = input.breakdown(grouping, alpha: alpha.value, options: input.options)
            .document()
        if input.latenessUnknown { document = document.noting(AnalysisInput.latenessUnknownNote) }
        try context.print(document, format: format)
        return .success
    }
}
