import ThreatSurvey

/// The `history` command.
///
/// `history [--delegation MS] [--questionnaire ID]`
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "history", summary: "every submission received, superseded and late ones included",
        examples: [
            .init(
                "threatsurvey history",
                "Every submission received, with which one is current."),
            .init(
                "threatsurvey history --delegation FR --format csv",
                "France's submissions (as delegation or cosignatory), as CSV."),
        ])

    @Option("MS", help: "only submissions naming this Member State (as delegation or cosignatory)")
    var delegation: MemberState?
    @Option("ID", help: "only this questionnaire's submissions")
    var questionnaire: String?
    @Option(
        "N", help: "only the N most recently received (0, the default: all)",
        range: 0...1_000_000_000)
    var limit: Int = 0
    @Option("FORMAT", help: "output format", values: [.table, .markdown, .csv, .json])
    var format: OutputFormat = .table
    @OptionGroup var store: StoreOptions
    @OptionGroup var questionnaires: QuestionnairesOptions

    func run(_ context: CommandContext) throws(SurveyError) -> ExitStatus {
        let opened = try store.forReading(context)
        let catalog = try questionnaires.catalog(with: opened)
        let questionnaireID = try questionnaire.map { (id) throws(SurveyError) in
            try QuestionnaireResolver(catalog: catalog).named(id).id
        }
        if limit > 0, delegation == nil {
            // Only the last N are read: the cost follows N, not the size of the store.
            let entries = try HistoryEntry.latest(limit, in: opened, questionnaire: questionnaireID)
            {
                try? catalog.find($0)
            }
            try context.print(HistoryEntry.document(entries, catalog: catalog), format: format)
            return .success
        }
        var entries = try HistoryEntry.all(in: opened, questionnaire: questionnaireID) {
            try? catalog.find($0)
        }
        if let delegation {
            entries = entries.filter { $0.submission.memberStates.contains(delegation.code) }
        }
        if limit > 0 { entries = Array(entries.suffix(limit)) }
        try context.print(HistoryEntry.document(entries, catalog: catalog), format: format)
        return .success
    }
}
