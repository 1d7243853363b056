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
    /// Whether per-state sums (the fast reader's, the sums kept with a delegation's
    /// respondents) may stand in for their answers.
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
    /// The counted answers every figure is built from (`CountedAnswers`), however they
    /// were read: the store, the general reader, or the fast reader's sums.
    package var counted: CountedAnswers
    /// Whether the answers' received time is unknown (`--from` without `--received`), so no
    /// answer is judged late.
    public var latenessUnknown = false
    /// The files' warnings (for `--from`), to print once per file.
    public var warnings: [String] = []
    /// The ranking options the request implies (`--as-of` resolved in the questionnaire's zone).
    public var options: RankingOptions

    /// The submissions read with their text (a delegation's respondents' answers only where
    /// they were read; none for a `--from` file summed by the fast reader).
    public var submissions: [Submission] { counted.submissions }

    /// Roster states whose counted answer was late: late answers.
    public var lateAnswers: [String] { latenessUnknown ? [] : counted.lateStates(.answer) }

    /// The ranking of the counted answers.
    public func ranking(_ options: RankingOptions) -> Ranking {
        Ranking(counted: counted, options: options)
    }

    /// The regional breakdown of the counted answers.
    public func breakdown(_ grouping: Grouping, alpha: Double, options: RankingOptions)
        -> RegionalBreakdown
    {
        RegionalBreakdown(counted: counted, grouping: grouping, alpha: alpha, options: options)
    }

    /// The tally of the counted answers.
    public func tally(_ grouping: Grouping) -> Tally {
        Tally(counted: counted, grouping: grouping, options: options)
    }

    /// The late Member States: their first answer came after the deadline.
    ///
    /// ``Lateness/Meaning/memberState``, as of the request's `--as-of`: what the summary's
    /// "(N after the deadline)" counts, as `deadline` and the report do. None when the
    /// received time is unknown.
    public var lateMemberStates: [String] {
        latenessUnknown ? [] : counted.lateStates(.memberState)
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
            let options = try options(request, questionnaire: questionnaire)
            var input = AnalysisInput(
                questionnaire: questionnaire,
                counted: CountedAnswers(
                    questionnaire: questionnaire, submissions: submissions, asOf: options.asOf,
                    receivedBefore: options.onTimeOnly ? questionnaire.onTimeCutoff : nil),
                options: options)
            input.latenessUnknown = request.received == nil
            input.warnings = prepared.files.flatMap(\.warnings)
            return input
        }
        let questionnaire = try resolver.resolve(explicit: request.questionnaire, store: store)
        let options = try options(request, questionnaire: questionnaire)
        let receivedBefore = options.onTimeOnly ? questionnaire.onTimeCutoff : nil
        var counted = CountedAnswers(
            questionnaire: questionnaire, submissions: [], asOf: options.asOf,
            receivedBefore: receivedBefore)
        if let store {
            counted = try CountedAnswers.load(
                store: store, questionnaire: questionnaire, asOf: options.asOf,
                receivedBefore: receivedBefore, useCache: request.allowSums)
        }
        return AnalysisInput(questionnaire: questionnaire, counted: counted, options: options)
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
        // The fast reader fills the same counted answers the general one would.
        var input = AnalysisInput(
            questionnaire: questionnaire,
            counted: CountedAnswers(
                questionnaire: questionnaire, aggregate: aggregate,
                received: request.received?.resolve(in: questionnaire.timeZone)),
            options: try options(request, questionnaire: questionnaire))
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
