import ThreatSurvey

/// The `rank` command.
///
/// `rank [--questionnaire ID] [--as-of DATETIME] [--on-time-only] [--method count|borda]
/// [--grouping G --region R] [--from FILE…]`
struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "rank",
        summary: "threats ranked by how many Member States mention them",
        discussion: """
            Count: distinct roster Member States whose current answer mentions a threat; equal
            counts share a rank and are listed by mean priority, then id. Borda: each answer's
            threats ordered by priority earn T − position points.
            """,
        examples: [
            .init(
                "threatsurvey rank",
                "Threats ranked by the number of Member States mentioning them."),
            .init(
                "threatsurvey rank --method borda --format markdown",
                "Ordered by Borda points, as a Markdown table to paste into a draft."),
            .init(
                "threatsurvey rank --on-time-only --as-of 2015-09-07",
                "As it stood at the deadline, counting only answers received on time."),
            .init(
                "threatsurvey rank --from answers/de.csv --received 2015-09-04",
                "Ranks answer files directly, without a store."),
        ])

    @OptionGroup var analysis: AnalysisOptions
    @Option("METHOD", help: "how threats are ordered")
    var method: RankingOptions.Method = .count
    @OptionGroup var regions: GroupingOptions
    @Option("R", help: "rank inside one region only")
    var region: String?
    @Option("FORMAT", help: "output format", values: [.table, .markdown, .csv, .json, .html])
    var format: OutputFormat = .table
    @OptionGroup var store: StoreOptions
    @OptionGroup var questionnaires: QuestionnairesOptions

    func run(_ context: CommandContext) throws(SurveyError) -> ExitStatus {
        let request = try analysis.request()
        var memberStates: Set<String>?
        var regionTitle: String?
        if let regionID = region {
            let chosen = try regions.resolve()
            guard let found = chosen.regions.first(where: { $0.id == regionID }) else {
                throw .usage(
                    "unknown region \"\(regionID)\" in \(chosen.id); regions: "
                        + chosen.regions.map(\.id).joined(separator: ", "))
            }
            memberStates = Set(found.members)
            regionTitle = "\(found.title) (\(chosen.id)/\(found.id))"
        } else if regions.grouping != nil || regions.groupings != nil {
            throw .usage(
                "--grouping goes with --region R (for every region at once, use 'threatsurvey regions')"
            )
        }
        let input = try analysis.load(
            request, store: store, questionnaires: questionnaires, context)
        var options = input.options
        options.method = method
        options.memberStates = memberStates
        var document = input.ranking(options).document(regionTitle: regionTitle)
        if input.latenessUnknown { document = document.noting(AnalysisInput.latenessUnknownNote) }
        try context.print(document, format: format)
        return .success
    }
}
