import ThreatSurvey

/// `regions [--questionnaire ID] [--grouping G] [--groupings FILE] [--alpha A]`
enum RegionsCommand: Command {
    static let spec = CommandSpec(
        name: "regions",
        summary: "the ranking per region, and threats concentrated in one region",
        options: AnalysisInput.options + [
            .value("grouping", "G", "eurovoc (default), un-m49, sea-basins, land-borders, or one from --groupings"),
            .value("groupings", "FILE", "user groupings (JSON)"),
            .value("alpha", "A", "significance threshold for signals (default 0.05)"),
        ],
        formats: [.table, .markdown, .csv, .json, .html])

    static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(SurveyError) -> ExitStatus {
        let input = try AnalysisInput.load(arguments, environment)
        let options = try input.rankingOptions(arguments)
        var alpha = 0.05
        if let text = arguments.value("alpha") {
            guard let a = Double(text), a > 0, a < 1 else { throw .usage("--alpha \(text): a number between 0 and 1") }
            alpha = a
        }
        let breakdown = input.breakdown(try AnalysisInput.grouping(arguments), alpha: alpha, options: options)
        environment.print(breakdown.document(), format: arguments.format(spec))
        return .success
    }
}
