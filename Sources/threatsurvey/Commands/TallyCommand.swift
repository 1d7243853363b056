import ThreatSurvey

/// `tally [--questionnaire ID] [--grouping G]`
enum TallyCommand: Command {
    static let spec = CommandSpec(
        name: "tally",
        summary: "counts of the answers to yes/no and choice questions, overall and per region",
        options: AnalysisInput.options + [
            .value("grouping", "G", "eurovoc (default), un-m49, sea-basins, land-borders, or one from --groupings"),
            .value("groupings", "FILE", "user groupings (JSON)"),
        ],
        formats: [.table, .markdown, .csv, .json, .html])

    static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(SurveyError) -> ExitStatus {
        let input = try AnalysisInput.load(arguments, environment, fastPath: false)
        let tally = Tally(
            questionnaire: input.questionnaire, submissions: input.submissions,
            grouping: try AnalysisInput.grouping(arguments), options: try input.rankingOptions(arguments))
        environment.print(tally.document(), format: arguments.format(spec))
        return .success
    }
}
