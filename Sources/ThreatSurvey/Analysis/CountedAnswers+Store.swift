package import Foundation

extension CountedAnswers {
    /// The counted answers `store` holds for `questionnaire`, as of a moment.
    ///
    /// The officer's decisions apply (``Store/countedSubmissions(questionnaire:excludingStreamed:)``).
    /// Files stored by the streaming path are read from the sums the store caches for them
    /// when that gives the same counts: no decision concerns one of their answers and no
    /// other submission names a respondent (which could replace one of theirs). A million
    /// respondents then cost a few hundred rows. When such files share respondents (a later
    /// one may replace answers), what each counts is recomputed from its current answers in
    /// one pass over their rows in index order, flat memory. Otherwise every submission is
    /// loaded.
    ///
    /// - Parameters:
    ///   - store: the store to read.
    ///   - questionnaire: the questionnaire whose answers count.
    ///   - asOf: only answers received at or before this instant count (`nil`: all).
    ///   - receivedBefore: only answers received before this instant count (`nil`: all).
    ///   - useCache: whether the streamed files' cached sums may be read; `false` loads every
    ///     submission (for what needs each answer's text: `plan`, `compile`).
    /// - Returns: the counted answers, however they were read (`CountedAnswers/reading`).
    /// - Throws: ``SurveyError`` when the store cannot be read.
    /// - Complexity: O(other submissions + streamed files × Member States × threats), plus
    ///   one pass over the streamed rows when streamed files share respondents.
    package static func load(
        store: Store, questionnaire: Questionnaire, asOf: Date?, receivedBefore: Date? = nil,
        useCache: Bool = true
    ) throws(SurveyError) -> CountedAnswers {
        if useCache,
            let cached = try cached(
                store: store, questionnaire: questionnaire, asOf: asOf,
                receivedBefore: receivedBefore)
        {
            return cached
        }
        return CountedAnswers(
            questionnaire: questionnaire,
            submissions: try store.countedSubmissions(questionnaire: questionnaire.id),
            asOf: asOf, receivedBefore: receivedBefore)
    }

    /// The counted answers with the streamed files read from their cached sums; `nil` when
    /// the store holds none or they cannot stand in for the rows.
    private static func cached(
        store: Store, questionnaire: Questionnaire, asOf: Date?, receivedBefore: Date?
    ) throws(SurveyError) -> CountedAnswers? {
        let files = try store.cachedFileSums(questionnaire: questionnaire)
        guard !files.isEmpty else { return nil }
        // A decision about a streamed answer changes what it counts: every row is read.
        if try store.decisionsTouchStreamed(questionnaire: questionnaire.id) { return nil }
        let others = try store.countedSubmissions(
            questionnaire: questionnaire.id, excludingStreamed: true)
        // An answer naming a respondent could replace a streamed one.
        guard others.allSatisfy({ $0.response.respondent == nil }) else { return nil }
        var counted = CountedAnswers(
            questionnaire: questionnaire, submissions: others, asOf: asOf,
            receivedBefore: receivedBefore)
        counted.reading = .cachedSums
        let inTime = files.filter { file in
            (asOf.map { file.received <= $0 } ?? true)
                && (receivedBefore.map { file.received < $0 } ?? true)
        }
        let counting = Set(inTime.map(\.fileID))
        // Files that share respondents: their current answers, one respondent at a time.
        let current =
            overlap(files)
            ? try currentSums(inTime, store: store, questionnaire: questionnaire) : nil
        for file in files {
            var sums: [String: MentionAggregate.StateSums] = [:]
            if counting.contains(file.fileID) {
                sums = current.map { $0[file.fileID] ?? [:] } ?? file.aggregate.states
            }
            // Answers of respondents count: say so, as loading their rows would.
            if sums.values.contains(where: { $0.answers > 0 }) {
                counted.aggregate.carriesRespondents = true
            }
            for (state, stateSums) in sums {
                var total =
                    counted.aggregate.states[state]
                    ?? MentionAggregate.StateSums(threats: counted.aggregate.threats.count)
                total.add(stateSums)
                counted.aggregate.states[state] = total
            }
            let states = MemberState.sortedByProtocol(file.aggregate.states.keys)
            if asOf.map({ file.received <= $0 }) ?? true {
                for state in states {
                    if counted.answerTimes[state] == nil {
                        counted.answerTimes[state] = AnswerTimes(file.received)
                    } else {
                        counted.answerTimes[state]?.include(file.received)
                    }
                }
            }
            counted.files.append(
                StreamedFile(
                    fileID: file.fileID, name: file.name, checksum: file.checksum,
                    received: file.received, submissions: file.submissions,
                    memberStates: states,
                    stateSubmissions: try store.submissionRange(
                        of: file, questionnaire: questionnaire.id),
                    answers: file.aggregate.states.values.reduce(0) {
                        SumsRow.saturatingAdd($0, $1.answers)
                    },
                    counted: sums))
        }
        return counted
    }

    /// Whether two of `files` share respondents (same prefix, overlapping numbers).
    ///
    /// - Complexity: O(f log f) for f files: sorted by prefix and first number, each range is
    ///   compared with the furthest-reaching one before it.
    static func overlap(_ files: [CachedFileSums]) -> Bool {
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
    /// (files not given do not replace anything: pass those counted as of the moment).
    ///
    /// - Complexity: O(n) rows of the files' submissions, in index order; memory holds the
    ///   sums, not the answers.
    static func currentSums(
        _ counted: [CachedFileSums], store: Store, questionnaire: Questionnaire
    ) throws(SurveyError) -> [Int64: [String: MentionAggregate.StateSums]] {
        let threats = questionnaire.threats.map(\.id)
        let index = Dictionary(uniqueKeysWithValues: threats.enumerated().map { ($1, $0) })
        var lists: [Int64: String] = [:]
        for file in counted { lists[file.fileID] = file.threatList }
        var out: [Int64: [String: MentionAggregate.StateSums]] = [:]
        var scratch = [Int32](repeating: SumsRow.notMentioned, count: threats.count)
        try store.forEachCurrentPackedAnswer(questionnaire: questionnaire.id, files: lists) {
            file, state, mentions in
            MentionAggregate.StateSums.fill(&scratch, with: mentions, index: index)
            var sums = out[file]?[state] ?? MentionAggregate.StateSums(threats: threats.count)
            sums.addAnswer(priorities: scratch)
            out[file, default: [:]][state] = sums
        }
        return out
    }
}
