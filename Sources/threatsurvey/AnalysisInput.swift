import Foundation
import ThreatSurvey

/// What `rank`, `regions` and `tally` analyse: a questionnaire and its submissions, from the
/// store or (`--from FILE…`) straight from answer files.
struct AnalysisInput {
    var questionnaire: Questionnaire
    var submissions: [Submission]
    var catalog: QuestionnaireCatalog
    /// Per-state sums, when the fast path read a large file directly.
    var aggregate: MentionAggregate?
    /// Roster states whose counted answer was late (for the fast path's sums).
    var lateAnswers: [String] = []

    /// The ranking, from the sums when the fast path produced them.
    func ranking(_ options: RankingOptions) -> Ranking {
        if let aggregate {
            return Ranking(questionnaire: questionnaire, aggregate: aggregate, options: options, lateAnswers: lateAnswers)
        }
        return Ranking(questionnaire: questionnaire, submissions: submissions, options: options)
    }

    /// The regional breakdown, from the sums when the fast path produced them.
    func breakdown(_ grouping: Grouping, alpha: Double, options: RankingOptions) -> RegionalBreakdown {
        if let aggregate {
            return RegionalBreakdown(
                questionnaire: questionnaire, aggregate: aggregate, grouping: grouping, alpha: alpha, options: options,
                lateAnswers: lateAnswers)
        }
        return RegionalBreakdown(
            questionnaire: questionnaire, submissions: submissions, grouping: grouping, alpha: alpha, options: options)
    }

    /// Options shared by the analysis commands.
    static let options: [OptionSpec] = [
        .value("questionnaire", "ID", "the questionnaire (when more than one is in play)"),
        .value("as-of", "DATETIME", "as it stood then (a date alone: the end of that day)"),
        .flag("on-time-only", "count each Member State's latest answer received by the deadline"),
        .value("from", "FILE…", "read answer files directly instead of the store", repeatable: true),
        .value("received", "DATETIME", "with --from: when the files were received (default now)"),
    ]

    static func load(
        _ arguments: ParsedArguments, _ environment: Environment, fastPath: Bool = true
    ) throws(SurveyError) -> AnalysisInput {
        let catalog = try environment.catalog()
        let files = arguments.all("from")
        if !files.isEmpty {
            var received: DateTimeInput?
            if let text = arguments.value("received") {
                guard let parsed = DateTimeInput(text) else { throw .usage("--received \(text): expected YYYY-MM-DD[THH:MM]") }
                received = parsed
            }
            if fastPath, let fast = try streamed(files, arguments: arguments, catalog: catalog, received: received) {
                return fast
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
        var input = AnalysisInput(questionnaire: questionnaire, submissions: [], catalog: catalog)
        if fastPath, let store {
            // Large streamed files: their stored sums, never their millions of rows.
            let probe = input
            if let sums = try StoredSums.aggregate(
                store: store, questionnaire: questionnaire, options: try probe.rankingOptions(arguments))
            {
                input.aggregate = sums.aggregate
                input.lateAnswers = sums.lateAnswers
                return input
            }
        }
        input.submissions = try store?.submissions(questionnaire: questionnaire.id) ?? []
        return input
    }

    /// One large long CSV, summed by the streaming fast path; `nil` when the general reader
    /// must read it (several files, options that need submissions, an unusual file).
    static func streamed(
        _ files: [String], arguments: ParsedArguments, catalog: QuestionnaireCatalog, received: DateTimeInput?
    ) throws(SurveyError) -> AnalysisInput? {
        guard files.count == 1, let path = files.first, arguments.value("as-of") == nil,
            !arguments.flag("on-time-only"), ["csv", "tsv"].contains((path as NSString).pathExtension.lowercased())
        else { return nil }
        let questionnaire: Questionnaire
        if let id = arguments.value("questionnaire") {
            questionnaire = try catalog.find(id)
        } else if let only = catalog.only {
            questionnaire = only
        } else {
            return nil
        }
        guard FileManager.default.fileExists(atPath: path) else { throw .inputMissing(path: path, reason: "no such file") }
        guard case .aggregated(let aggregate, _) = try LongCSVAggregator.aggregate(path: path, questionnaire: questionnaire)
        else { return nil }
        let when = received?.resolve(in: questionnaire.timeZone) ?? Date()
        let late = questionnaire.isOnTime(when) ? [] : questionnaire.roster.filter { aggregate.states[$0] != nil }
        return AnalysisInput(
            questionnaire: questionnaire, submissions: [], catalog: catalog, aggregate: aggregate, lateAnswers: late)
    }

    /// `--today DATE`, or today in the questionnaire's zone.
    static func today(_ arguments: ParsedArguments, questionnaire: Questionnaire) throws(SurveyError) -> CivilDate {
        guard let text = arguments.value("today") else { return DeadlineCheck.today(in: questionnaire.timeZone) }
        guard let day = CivilDate(iso: text) else { throw .usage("--today \(text): expected YYYY-MM-DD") }
        return day
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
