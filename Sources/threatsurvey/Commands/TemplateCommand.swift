import ThreatSurvey

/// `template ID [--form long|matrix|json]`
enum TemplateCommand: Command {
    static let spec = CommandSpec(
        name: "template",
        summary: "a fillable answer file for delegations",
        positionals: "ID", positionalCount: 1...1,
        options: [.value("form", "FORM", "long|matrix|json (default long)")])

    static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(SurveyError) -> ExitStatus {
        let formName = arguments.value("form") ?? "long"
        guard let form = TemplateWriter.Form(rawValue: formName) else {
            throw .usage("--form \(formName): use long, matrix or json")
        }
        let questionnaire = try environment.catalog().find(arguments.positionals[0])
        environment.console.out(TemplateWriter.template(for: questionnaire, form: form))
        environment.console.err(TemplateWriter.instructions(for: questionnaire, form: form))
        return .success
    }
}
