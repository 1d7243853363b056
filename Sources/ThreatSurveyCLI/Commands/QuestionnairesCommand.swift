import ThreatSurvey

/// The `questionnaires` command.
///
/// `questionnaires`: works without a store (answer counts are then zero), since it is the
/// first thing a new user runs.
struct QuestionnairesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "questionnaires",
        summary: "the questionnaires known, with deadlines and answer counts",
        examples: [
            .init(
                "threatsurvey questionnaires",
                "The questionnaires defined in ./questionnaires (or held by the store), with deadlines and answer counts."
            )
        ])

    @Option("FORMAT", help: "output format", values: [.table, .markdown, .csv, .json, .html])
    var format: OutputFormat = .table
    @OptionGroup var store: StoreOptions
    @OptionGroup var questionnaires: QuestionnairesOptions

    func run(_ context: CommandContext) throws(SurveyError) -> ExitStatus {
        let opened = try store.existing(context)
        let catalog = try questionnaires.catalog(with: opened)
        var answers: [String: (submissions: Int, memberStates: Int)] = [:]
        for q in catalog.questionnaires {
            answers[q.id] =
                try opened.map { (store) throws(SurveyError) in
                    try CountedAnswers.answerCounts(store: store, questionnaire: q)
                } ?? (0, 0)
        }
        try context.print(catalog.document(answers: answers), format: format)
        return .success
    }
}
