import ThreatSurvey

/// `summary [--questionnaire ID] [--language en|fr] [--attribute]`
enum SummaryCommand: Command {
    static let spec = CommandSpec(
        name: "summary",
        summary: "a draft paragraph for the outcome of proceedings, in the Council's style",
        options: AnalysisInput.options + [
            .value("language", "LANG", "en (default) or fr"),
            .flag("attribute", "name the Member States behind each threat"),
            .value("grouping", "G", "regions for the regional remarks (default eurovoc)"),
            .value("groupings", "FILE", "user groupings (JSON)"),
        ],
        formats: [.table, .json],
        discussion: """
            Quantifiers: one, two, a few (3-4), then by share of those who replied: several
            (under 35%), a number of (under 50%), many (under 75%), a large majority, all.
            """)

    static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(SurveyError) -> ExitStatus {
        let languageName = arguments.value("language") ?? "en"
        guard let language = SummaryWriter.Language(rawValue: languageName) else {
            throw .usage("--language \(languageName): use en or fr")
        }
        let input = try AnalysisInput.load(arguments, environment)
        let options = try input.rankingOptions(arguments)
        let ranking = input.ranking(options)
        let breakdown = input.breakdown(try AnalysisInput.grouping(arguments), alpha: 0.05, options: options)
        let writer = SummaryWriter(
            ranking: ranking, breakdown: breakdown, lateCount: options.onTimeOnly ? 0 : ranking.lateAnswers.count,
            attribute: arguments.flag("attribute"))
        let text = writer.paragraph(language)
        environment.print(
            Document(
                blocks: [.text(text)],
                json: .object(["questionnaire": .string(input.questionnaire.id), "language": .string(language.rawValue), "summary": .string(text)])),
            format: arguments.format(spec))
        return .success
    }
}
