import ThreatSurvey

/// `--questionnaires DIR`, for the commands that need questionnaire definitions.
package struct QuestionnairesOptions: ParsableArguments {
    @Option(
        "DIR", help: "questionnaire definitions (default ./questionnaires)", completion: .directory)
    var questionnaires: String = "questionnaires"

    /// Every option at its default, ready for the parser.
    package init() {}

    /// The questionnaires defined in the folder.
    func catalog() throws(SurveyError) -> QuestionnaireCatalog {
        try QuestionnaireCatalog.load(folder: questionnaires)
    }
}
