import Foundation

/// What an analysis reads: the questionnaire, which answers, and where from, as the command
/// line gave them (values already checked).
public struct AnalysisRequest: Sendable {
    /// `--questionnaire`, if given.
    public var questionnaire: String?
    /// `--from FILE…`: answer files read directly instead of the store.
    public var files: [String]
    /// `--received`: when the `--from` files were received; `nil` when unknown.
    public var received: DateTimeInput?
    /// `--as-of`: as it stood then.
    public var asOf: DateTimeInput?
    /// `--on-time-only`.
    public var onTimeOnly: Bool
    /// Whether per-state sums (fast path, stored sums) may stand in for submissions.
    public var allowSums: Bool

    /// A request; every field is optional but the files.
    public init(
        questionnaire: String? = nil, files: [String] = [], received: DateTimeInput? = nil,
        asOf: DateTimeInput? = nil,
        onTimeOnly: Bool = false, allowSums: Bool = true
    ) {
        self.questionnaire = questionnaire
        self.files = files
        self.received = received
        self.asOf = asOf
        self.onTimeOnly = onTimeOnly
        self.allowSums = allowSums
    }
}

/// What `rank`, `regions`, `tally` and `summary` analyse: a questionnaire and its submissions,
/// from the store or (`--from FILE…`) straight from answer files.
///
/// The decisions live here, once: which questionnaire (``QuestionnaireResolver``), whether a
/// large file is summed by the fast path or stored sums stand in for millions of rows, and what
/// "late" means for files read directly. With `--from` and no `--received`, when the files
/// arrived is unknown: nothing is called late (``latenessUnknown``), and `--as-of` or
/// `--on-time-only`, which need that time, are refused before any file is read.
public struct AnalysisInput {
    /// The questionnaire analysed.
    public var questionnaire: Questionnaire
    /// Its submissions (empty when ``aggregate`` stands in for them).
    public var submissions: [Submission]
    /// Per-state sums, when the fast path or the store's sums produced them.
    public var aggregate: MentionAggregate?
    /// Roster states whose counted answer was late (for the sums): late answers.
    public var lateAnswers: [String] = []
    /// Roster states whose first answer was late (for the sums): late Member States.
    public var lateMemberStatesOfSums: [String] = []
    /// Whether the answers' received time is unknown (`--from` without `--received`), so no
    /// answer is judged late.
    public var latenessUnknown = false
    /// The files' warnings (for `--from`), to print once per file.
    public var warnings: [String] = []
    /// The ranking options the request implies (`--as-of` resolved in the questionnaire's zone).
    public var options: RankingOptions

    /// The ranking, from the sums when they stand in for submissions.
    public func ranking(_ options: RankingOptions) -> Ranking {
        if let aggregate {
            return Ranking(
                questionnaire: questionnaire, aggregate: aggregate, options: options,
                lateAnswers: lateAnswers)
        }
        return Ranking(questionnaire: questionnaire, submissions: submissions, options: options)
    }

    /// The regional breakdown, from the sums when they stand in for submissions.
    public func breakdown(_ grouping: Grouping, alpha: Double, options: RankingOptions)
        -> RegionalBreakdown
    {
        if let aggregate {
            return RegionalBreakdown(
                questionnaire: questionnaire, aggregate: aggregate, grouping: grouping,
                alpha: alpha, options: options,
                lateAnswers: lateAnswers)
        }
        return RegionalBreakdown(
            questionnaire: questionnaire, submissions: submissions, grouping: grouping,
            alpha: alpha, options: options)
    }

    /// The late Member States: their first answer came after the deadline.
    ///
    /// ``Lateness/Meaning/memberState``, as of the request's `--as-of`: what the summary's
    /// "(N after the deadline)" counts, as `deadline` and the report do. None when the
    /// received time is unknown.
    public var lateMemberStates: [String] {
        if latenessUnknown { return [] }
        if aggregate != nil { return lateMemberStatesOfSums }
        return Lateness.lateStates(
            .memberState, questionnaire: questionnaire, submissions: submissions,
            asOf: options.asOf)
    }

    /// The note printed with any result when ``latenessUnknown``.
    public static let latenessUnknownNote =
        "received time unknown (--from without --received): no answer is judged late; pass --received to judge"

    /// Checks what can be checked before any file is read.
    ///
    /// - Throws: ``SurveyError/usage(_:)`` when `--as-of` or `--on-time-only` come with `--from`
    ///   but without `--received`.
    public static func check(_ request: AnalysisRequest) throws(SurveyError) {
        guard !request.files.isEmpty, request.received == nil else { return }
        if request.asOf != nil || request.onTimeOnly {
            throw .usage(
                "\(request.asOf != nil ? "--as-of" : "--on-time-only") with --from needs --received DATETIME "
                    + "(when the files arrived decides what counted then)")
        }
    }

    /// Reads what `request` asks for.
    ///
    /// - Parameters:
    ///   - request: what the command line asked for.
    ///   - catalog: the questionnaires known.
    ///   - store: the existing store (`nil` when there is none); not used with `--from`.
    ///   - progress: told of bytes read, for a long `--from` read.
    /// - Returns: the questionnaire and its answers (or their sums).
    /// - Throws: ``SurveyError/usage(_:)`` for options that do not go together or an unknown
    ///   questionnaire; the files' errors; the store's.
    public static func load(
        _ request: AnalysisRequest, catalog: QuestionnaireCatalog, store: Store?,
        progress: (any ProgressSink)? = nil
    ) throws(SurveyError) -> AnalysisInput {
        try check(request)
        let resolver = QuestionnaireResolver(catalog: catalog)
        if !request.files.isEmpty {
            for path in request.files { try InputFile.checkReadable(path) }
            if request.allowSums,
                let fast = try streamed(request, resolver: resolver, progress: progress)
            {
                return fast
            }
            let submitter = Submitter(catalog: catalog)
            let prepared = try submitter.prepare(
                SubmitRequest(
                    paths: request.files, questionnaire: request.questionnaire,
                    received: request.received),
                store: nil)
            var submissions = try submitter.commit(prepared, into: nil).map(\.submission)
            let questionnaire = prepared.questionnaire
            if request.received == nil {
                // Unknown arrival: on time by construction, and said so with the result.
                for index in submissions.indices {
                    submissions[index].received = questionnaire.deadlineInstant
                }
            }
            var input = AnalysisInput(
                questionnaire: questionnaire, submissions: submissions,
                options: try options(request, questionnaire: questionnaire))
            input.latenessUnknown = request.received == nil
            input.warnings = prepared.files.flatMap(\.warnings)
            return input
        }
        let questionnaire = try resolver.resolve(explicit: request.questionnaire, store: store)
        var input = AnalysisInput(
            questionnaire: questionnaire, submissions: [],
            options: try options(request, questionnaire: questionnaire))
        if request.allowSums, let store,
            let sums = try StoredSums.aggregate(
                store: store, questionnaire: questionnaire, options: input.options)
        {
            // Large streamed files: their stored sums, never their millions of rows.
            input.aggregate = sums.aggregate
            input.lateAnswers = sums.lateAnswers
            input.lateMemberStatesOfSums = sums.lateMemberStates
            return input
        }
        input.submissions = try store?.countedSubmissions(questionnaire: questionnaire.id) ?? []
        return input
    }

    /// One large long CSV, summed by the streaming fast path; `nil` when the general reader
    /// must read it (several files, options that need submissions, an unusual file).
    static func streamed(
        _ request: AnalysisRequest, resolver: QuestionnaireResolver, progress: (any ProgressSink)?
    ) throws(SurveyError) -> AnalysisInput? {
        guard request.files.count == 1, let path = request.files.first, request.asOf == nil,
            !request.onTimeOnly,
            ["csv", "tsv"].contains((path as NSString).pathExtension.lowercased()),
            let questionnaire = try resolver.resolveBeforeReading(
                explicit: request.questionnaire, store: nil)
        else { return nil }
        let outcome = try ProgressContext.with(progress, total: InputFile.size(path)) {
            () throws(SurveyError) in
            try LongCSVAggregator.aggregate(path: path, questionnaire: questionnaire)
        }
        guard case .aggregated(let aggregate, _) = outcome else { return nil }
        let late: [String]
        if let when = request.received?.resolve(in: questionnaire.timeZone),
            !questionnaire.isOnTime(when)
        {
            late = questionnaire.roster.filter { aggregate.states[$0] != nil }
        } else {
            late = []
        }
        var input = AnalysisInput(
            questionnaire: questionnaire, submissions: [], aggregate: aggregate, lateAnswers: late,
            options: try options(request, questionnaire: questionnaire))
        // One file, one arrival: every state's first answer is its counted one.
        input.lateMemberStatesOfSums = late
        input.latenessUnknown = request.received == nil
        return input
    }

    /// The ranking options `request` implies for `questionnaire`.
    static func options(_ request: AnalysisRequest, questionnaire: Questionnaire)
        throws(SurveyError) -> RankingOptions
    {
        var options = RankingOptions(onTimeOnly: request.onTimeOnly)
        if let asOf = request.asOf {
            if case .date(let day) = asOf {
                options.asOf = day.endOfDay(in: questionnaire.timeZone)
            } else {
                options.asOf = asOf.resolve(in: questionnaire.timeZone)
            }
        }
        return options
    }
}
