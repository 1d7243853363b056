/// The sums of a questionnaire's current answers in a store, using the per-file sums kept
/// for large streamed files, so that ranking a million stored answers reads a few hundred
/// rows instead of millions.
public enum StoredSums {
    /// The sums, the late answers and the late Member States (``Lateness``), read from the
    /// stored per-file sums.
    ///
    /// `nil` when the store holds no streamed file for the questionnaire or the per-file sums
    /// cannot be used: ordinary submissions carry respondents, or a decision concerns a
    /// streamed answer. The caller then reads every submission. When two streamed files share
    /// respondents (one may replace the other's answers), their sums are recomputed from their
    /// current answers in one pass (``Store/forEachCurrentStreamedAnswer(questionnaire:files:_:)``).
    public static func aggregate(
        store: Store, questionnaire: Questionnaire, options: RankingOptions
    ) throws(SurveyError) -> (
        aggregate: MentionAggregate, lateAnswers: [String], lateMemberStates: [String]
    )? {
        let files = try store.streamedSums(questionnaire: questionnaire)
        guard !files.isEmpty else { return nil }
        // A decision about a streamed answer changes what it counts: the general path.
        if try store.decisionsTouchStreamed(questionnaire: questionnaire.id) { return nil }
        let overlapping = StoredSums.overlap(files)
        let regular = try store.countedSubmissions(
            questionnaire: questionnaire.id, excludingStreamed: true)
        guard regular.allSatisfy({ $0.response.respondent == nil }) else { return nil }
        let cutoff = options.onTimeOnly ? questionnaire.onTimeCutoff : nil
        let counted = files.filter { file in
            (options.asOf.map { file.received <= $0 } ?? true)
                && (cutoff.map { file.received < $0 } ?? true)
        }
        var aggregate = MentionAggregate(
            questionnaire: questionnaire,
            current: CurrentAnswers(regular, asOf: options.asOf, receivedBefore: cutoff))
        aggregate.carriesRespondents = true
        // Files that share respondents: their current answers, one respondent at a time.
        let current =
            try overlapping ? currentSums(counted, store: store, questionnaire: questionnaire) : nil
        for file in counted {
            for (state, sums) in current?[file.fileID] ?? file.aggregate.states {
                var total =
                    aggregate.states[state]
                    ?? MentionAggregate.StateSums(threats: aggregate.threats.count)
                total.add(sums)
                aggregate.states[state] = total
            }
        }
        // Late answers: a state's counted answer decides; late Member States: its first.
        let late = Lateness.lateStates(
            .answer, questionnaire: questionnaire, submissions: regular, files: files,
            asOf: options.asOf)
        let lateStates = Lateness.lateStates(
            .memberState, questionnaire: questionnaire, submissions: regular, files: files,
            asOf: options.asOf)
        return (aggregate, late, lateStates)
    }

    /// Whether two of `files` share respondents (same prefix, overlapping numbers).
    ///
    /// - Complexity: O(f log f) for f files: sorted by prefix and first number, each range is
    ///   compared with the furthest-reaching one before it.
    public static func overlap(_ files: [StreamedFileSums]) -> Bool {
        let sorted = files.sorted {
            ($0.respondentPrefix, $0.respondents.lowerBound)
                < ($1.respondentPrefix, $1.respondents.lowerBound)
        }
        var reach: (prefix: String, upper: Int)?
        for file in sorted {
            if let known = reach, known.prefix == file.respondentPrefix {
                if file.respondents.lowerBound <= known.upper { return true }
                reach?.upper = max(known.upper, file.respondents.upperBound)
            } else {
                reach = (file.respondentPrefix, file.respondents.upperBound)
            }
        }
        return false
    }

    /// Per file of `counted`, the sums of its answers that are still current among them
    /// (files not given do not replace anything: pass those visible as of the day judged).
    ///
    /// - Complexity: O(n) rows of the files' submissions, in index order; memory holds the
    ///   sums, not the answers.
    public static func currentSums(
        _ counted: [StreamedFileSums], store: Store, questionnaire: Questionnaire
    ) throws(SurveyError) -> [Int64: [String: MentionAggregate.StateSums]] {
        let threats = questionnaire.threats.map(\.id)
        let index = Dictionary(uniqueKeysWithValues: threats.enumerated().map { ($1, $0) })
        var lists: [Int64: String] = [:]
        for file in counted { lists[file.fileID] = file.threatList }
        var out: [Int64: [String: MentionAggregate.StateSums]] = [:]
        var scratch = [Int32](repeating: SumsRow.notMentioned, count: threats.count)
        try store.forEachCurrentStreamedAnswer(questionnaire: questionnaire.id, files: lists) {
            file, state, mentions in
            MentionAggregate.StateSums.fill(&scratch, with: mentions, index: index)
            var sums = out[file]?[state] ?? MentionAggregate.StateSums(threats: threats.count)
            sums.addAnswer(priorities: scratch)
            out[file, default: [:]][state] = sums
        }
        return out
    }
}
