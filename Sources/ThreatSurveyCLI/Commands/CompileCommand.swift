import ThreatSurvey

/// The `compile` command.
///
/// `compile [--questionnaire ID] [--by delegation|threat] [--format F] [--out FILE]`
struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "compile",
        summary:
            "the compilation of the delegations' replies: every comment verbatim, with its source",
        discussion: """
            Each Member State's counted answer (the officer's decisions applied) in protocol
            order: its comments, and its written comments paragraph by paragraph, each with the
            file and line, cell or paragraph it came from; late replies marked, joint replies
            with their cosignatories, the Member States that did not reply listed. Threats named
            in negated clauses stay in the text: the compilation quotes, it does not count.
            """,
        examples: [
            .init(
                "threatsurvey compile --questionnaire 9396/1/15 --format docx --out replies.docx",
                "The compilation as a Word document, with the Council's header."),
            .init(
                "threatsurvey compile --by threat --format markdown",
                "The same entries grouped under each threat, general comments last."),
        ])

    @Option("ID", help: "the questionnaire (when more than one is in play)")
    var questionnaire: String?
    @Option("BY", help: "group the comments by delegation (protocol order) or by threat")
    var by: Compilation.Grouping = .delegation
    @OptionGroup var council: DocumentOutputOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var questionnaires: QuestionnairesOptions

    func run(_ context: CommandContext) throws(SurveyError) -> ExitStatus {
        try council.check(context)
        let opened = try store.forReading(context)
        let catalog = try questionnaires.catalog(with: opened)
        let chosen = try QuestionnaireResolver(catalog: catalog).resolve(
            explicit: questionnaire, store: opened)
        var compilation = try Compilation(store: opened, questionnaire: chosen)
        compilation.grouping = by
        let heading = council.header.header(
            questionnaire: chosen, kind: CouncilHeader.note, subject: compilation.subject)
        try council.print(
            compilation.document(header: heading), what: "compilation", context)
        return .success
    }
}

extension Compilation.Grouping: ExpressibleByArgument {}
