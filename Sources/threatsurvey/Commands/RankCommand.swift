import ThreatSurvey

/// `rank [--questionnaire ID] [--as-of DATETIME] [--on-time-only] [--method count|borda]
/// [--grouping G --region R] [--from FILE…]`
enum RankCommand: Command {
    static let spec = CommandSpec(
        name: "rank",
        summary: "threats ranked by how many Member States mention them",
        options: AnalysisInput.options + [
            .value("method", "METHOD", "count (default) or borda"),
            .value("grouping", "G", "with --region: the grouping the region belongs to (default eurovoc)"),
            .value("groupings", "FILE", "user groupings (JSON)"),
            .value("region", "R", "rank inside one region only"),
        ],
        formats: [.table, .markdown, .csv, .json, .html],
        discussion: """
            Count: distinct roster Member States whose current answer mentions a threat; equal
            counts share a rank and are listed by mean priority, then id. Borda: each answer's
            threats ordered by priority earn T − position points.
            """)

    static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(SurveyError) -> ExitStatus {
        let input = try AnalysisInput.load(arguments, environment)
        var options = try input.rankingOptions(arguments)
        if let method = arguments.value("method") {
            guard let m = RankingOptions.Method(rawValue: method) else { throw .usage("--method \(method): use count or borda") }
            options.method = m
        }
        var regionTitle: String?
        if let regionID = arguments.value("region") {
            let grouping = try AnalysisInput.grouping(arguments)
            guard let region = grouping.regions.first(where: { $0.id == regionID }) else {
                throw .usage(
                    "unknown region \"\(regionID)\" in \(grouping.id); regions: "
                        + grouping.regions.map(\.id).joined(separator: ", "))
            }
            options.memberStates = Set(region.members)
            regionTitle = "\(region.title) (\(grouping.id)/\(region.id))"
        } else if arguments.value("grouping") != nil {
            throw .usage("--grouping goes with --region R (for every region at once, use 'threatsurvey regions')")
        }
        let ranking = input.ranking(options)
        environment.print(ranking.document(regionTitle: regionTitle), format: arguments.format(spec))
        return .success
    }
}
