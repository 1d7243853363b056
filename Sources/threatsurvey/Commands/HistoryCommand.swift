import ThreatSurvey

/// `history [--delegation MS] [--questionnaire ID]`
enum HistoryCommand: Command {
    static let spec = CommandSpec(
        name: "history",
        summary: "every submission received, superseded and late ones included",
        options: [
            .value("delegation", "MS", "only submissions naming this Member State (as delegation or cosignatory)"),
            .value("questionnaire", "ID", "only this questionnaire's submissions"),
            .value("limit", "N", "only the N most recently received"),
        ],
        formats: [.table, .markdown, .csv, .json])

    static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(SurveyError) -> ExitStatus {
        let catalog = try environment.catalog()
        let store = try environment.existingStore()
        var questionnaireID: String?
        if let id = arguments.value("questionnaire") { questionnaireID = try catalog.find(id).id }
        var limit: Int?
        if let written = arguments.value("limit") {
            guard let n = Int(written), n > 0 else { throw .usage("--limit: a whole number from 1, not \"\(written)\"") }
            limit = n
        }
        if let limit, arguments.value("delegation") == nil {
            // Only the last N are read: the cost follows N, not the store.
            var entries: [HistoryEntry] = []
            if let store {
                entries = try HistoryEntry.latest(limit, in: store, questionnaire: questionnaireID) { try? catalog.find($0) }
            }
            environment.print(HistoryEntry.document(entries, catalog: catalog), format: arguments.format(spec))
            return .success
        }
        let all = try store?.submissions(questionnaire: questionnaireID) ?? []
        var entries: [HistoryEntry] = []
        for id in Set(all.map(\.questionnaire)).sorted() {
            entries += HistoryEntry.history(
                of: all.filter { $0.questionnaire == id }, questionnaire: try? catalog.find(id))
        }
        entries.sort { ($0.submission.received, $0.submission.id) < ($1.submission.received, $1.submission.id) }
        if let written = arguments.value("delegation") {
            let resolver = MemberStateResolver.shared
            guard let state = resolver.resolve(written) else {
                throw .usage(
                    "--delegation: unknown Member State \"\(written)\""
                        + (resolver.suggestion(for: written).map { "; did you mean \"\($0)\"?" } ?? ""))
            }
            entries = entries.filter { $0.submission.memberStates.contains(state.code) }
        }
        if let limit { entries = Array(entries.suffix(limit)) }
        environment.print(HistoryEntry.document(entries, catalog: catalog), format: arguments.format(spec))
        return .success
    }
}
