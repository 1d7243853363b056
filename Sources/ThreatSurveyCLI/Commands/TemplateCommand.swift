import ThreatSurvey

/// The `template` command.
///
/// `template ID [--form long|matrix|json]`
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "template", summary: "a fillable answer file for delegations",
        examples: [
            .init(
                "threatsurvey template 9396/1/15 > answers.csv",
                "A long CSV with one row per threat, for a delegation to fill in."),
            .init(
                "threatsurvey template 9396/1/15 --form matrix",
                "One row per delegation, one column per threat."),
        ])

    @Argument("ID", help: "the questionnaire (e.g. 9396/1/15)")
    var id: String
    @Option("FORM", help: "the file's shape")
    var form: TemplateWriter.Form = .long
    @OptionGroup var questionnaires: QuestionnairesOptions

    func run(_ context: CommandContext) throws(SurveyError) -> ExitStatus {
        let questionnaire = try QuestionnaireResolver(catalog: try questionnaires.catalog()).named(
            id)
        try context.console.out(TemplateWriter.template(for: questionnaire, form: form))
        try context.console.err(TemplateWriter.instructions(for: questionnaire, form: form))
        return .success
    }
}
