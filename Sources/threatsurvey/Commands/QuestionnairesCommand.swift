import ThreatSurvey

/// `questionnaires`
enum QuestionnairesCommand: Command {
    static let spec = CommandSpec(
        name: "questionnaires",
        summary: "the questionnaires known, with deadlines and answer counts",
        formats: [.table, .markdown, .csv, .json, .html])

    static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(SurveyError) -> ExitStatus {
        let catalog = try environment.catalog()
        let store = try environment.existingStore()
        var answers: [String: (submissions: Int, memberStates: Int)] = [:]
        for q in catalog.questionnaires {
            let submissions = try store?.submissions(questionnaire: q.id) ?? []
            let roster = Set(q.roster)
            let current = CurrentAnswers(submissions)
            answers[q.id] = (submissions.count, current.respondedStates.filter(roster.contains).count)
        }
        environment.print(catalog.document(answers: answers), format: arguments.format(spec))
        return .success
    }
}
