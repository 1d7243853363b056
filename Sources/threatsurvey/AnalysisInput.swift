import Foundation
import ThreatSurvey

/// What `rank`, `regions` and `tally` analyse: a questionnaire and its submissions, from the
/// store or (`--from FILE…`) straight from answer files.
struct AnalysisInput {
    var questionnaire: Questionnaire
    var submissions: [Submission]
    var catalog: QuestionnaireCatalog

    /// Options shared by the analysis commands.
    static let options: [OptionSpec] = [
        .value("questionnaire", "ID", "the questionnaire (when more than one is in play)"),
        .value("as-of", "DATETIME", "as it stood then (a date alone: the end of that day)"),
        .flag("on-time-only", "count each Member State's latest answer received by the deadline"),
        .value("from", "FILE…", "read answer files directly instead of the store", repeatable: true),
        .value("received", "DATETIME", "with --from: when the files were received (default now)"),
    ]

    static func load(_ arguments: ParsedArguments, _ environment: Environment) throws(SurveyError) -> AnalysisInput {
        let catalog = try environment.catalog()
        let files = arguments.all("from")
        if !files.isEmpty {
            var received: DateTimeInput?
            if let text = arguments.value("received") {
                guard let parsed = DateTimeInput(text) else { throw .usage("--received \(text): expected YYYY-MM-DD[THH:MM]") }
                received = parsed
            }
            let submitter = Submitter(catalog: catalog)
            let prepared = try submitter.prepare(
                SubmitRequest(paths: files, questionnaire: arguments.value("questionnaire"), received: received), store: nil)
            for file in prepared.files where !file.warnings.isEmpty {
                for warning in file.warnings { environment.console.err(warning) }
            }
            let submissions = try submitter.commit(prepared, into: nil).map(\.submission)
            return AnalysisInput(questionnaire: prepared.questionnaire, submissions: submissions, catalog: catalog)
        }
        let store = try environment.existingStore()
        let questionnaire = try catalog.choose(arguments.value("questionnaire"), store: store)
        let submissions = try store?.submissions(questionnaire: questionnaire.id) ?? []
        return AnalysisInput(questionnaire: questionnaire, submissions: submissions, catalog: catalog)
    }

    /// The ranking options of the command line.
    func rankingOptions(_ arguments: ParsedArguments) throws(SurveyError) -> RankingOptions {
        var options = RankingOptions(onTimeOnly: arguments.flag("on-time-only"))
        if let text = arguments.value("as-of") {
            guard let input = DateTimeInput(text) else {
                throw .usage("--as-of \(text): expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][+HH:MM]")
            }
            if case .date(let day) = input {
                options.asOf = day.endOfDay(in: questionnaire.timeZone)
            } else {
                options.asOf = input.resolve(in: questionnaire.timeZone)
            }
        }
        return options
    }

    /// The grouping named by `--grouping` (built in, or from `--groupings FILE`), default eurovoc.
    static func grouping(_ arguments: ParsedArguments) throws(SurveyError) -> Grouping {
        var available = Grouping.builtIn
        var fromFile: [Grouping] = []
        if let path = arguments.value("groupings") {
            fromFile = try Grouping.load(bytes: try Submitter.readFromDisk(path), file: path)
            available = fromFile + available
        }
        guard let id = arguments.value("grouping") else {
            return fromFile.count == 1 ? fromFile[0] : Grouping.eurovoc
        }
        if let g = available.first(where: { $0.id == id }) { return g }
        let suggestion = EditDistance.suggestion(for: id, among: available.map { (TextFolding.key($0.id), $0.id) })
        throw .usage(
            "unknown grouping \"\(id)\"" + (suggestion.map { "; did you mean \"\($0)\"?" } ?? "")
                + " (built in: " + Grouping.builtIn.map(\.id).joined(separator: ", ") + "; or --groupings FILE)")
    }
}
