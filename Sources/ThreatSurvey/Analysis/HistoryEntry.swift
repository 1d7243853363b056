/// One line of `history`: a submission and what became of it.
///
/// The secretariat must be able to show, for any Member State, every answer it sent and
/// which one counts; superseded answers are never hidden.
public struct HistoryEntry: Sendable {
    /// The submission.
    public var submission: Submission
    /// The Member States for which it is the current answer.
    public var currentFor: [String]
    /// For each Member State it no longer counts for, the submission that replaced it.
    public var supersededBy: [(memberState: String, by: Int64)]
    /// Whether it arrived after the deadline.
    public var late: Bool
    /// The officer's decisions about it, in the order recorded (a void among them).
    public var decisions: [Decision] = []
    /// For a submission gathering respondents: how many of their answers count (the others
    /// were replaced by later answers of the same respondents); `nil` otherwise.
    public var respondentsCounted: Int? = nil
    /// For a submission gathering respondents: the later submissions that replaced some of
    /// its respondents' answers for a Member State it still counts for.
    public var partlySupersededBy: [(memberState: String, by: Int64)] = []

    /// The void that withdrew it, if any.
    public var voided: Decision? { decisions.first { $0.action == .void } }

    /// The history of `submissions` (one questionnaire's), in received order.
    ///
    /// - Complexity: O(n log n) for the sort, then O(n): the current submission per
    ///   (Member State, respondent) is looked up, not searched for (searching made a
    ///   million-respondent store take minutes).
    public static func history(
        of submissions: [Submission], questionnaire: Questionnaire?, decisions: [Decision] = []
    ) -> [HistoryEntry] {
        let ordered = submissions.sorted { ($0.received, $0.id) < ($1.received, $1.id) }
        let decided = Dictionary(grouping: decisions, by: \.submission)
        // Which answer fills each slot is CurrentAnswers' to say (the one rule); a voided
        // submission never does. Here it is only looked up, per Member State and slot.
        let voided = Set(decisions.filter { $0.action == .void }.map(\.submission))
        var current: [String: AnswerID] = [:]
        for (state, answers) in CurrentAnswers(submissions.filter { !voided.contains($0.id) })
            .byState
        {
            for answer in answers { current[key(state, answer)] = AnswerID(answer) }
        }
        return ordered.map { s in
            var entry = HistoryEntry(
                submission: s, currentFor: [], supersededBy: [],
                late: questionnaire.map {
                    Lateness.isLateAnswer(received: s.received, questionnaire: $0)
                }
                    ?? false,
                decisions: decided[s.id] ?? [])
            entry.standing(among: current)
            return entry
        }
    }

    /// Which answer of one submission: its number and, for a respondent's, its line.
    private struct AnswerID: Hashable {
        var id: Int64
        var line: Int
        init(_ answer: Submission) {
            id = answer.id
            line = answer.response.line
        }
    }

    /// The key of the slot `answer` fills for `state` (``CurrentAnswers/slot(_:)``).
    private static func key(_ state: String, _ answer: Submission) -> String {
        state + "\u{1F}" + CurrentAnswers.slot(answer)
    }

    /// Fills ``currentFor``, ``supersededBy`` and ``respondentsCounted`` from the current
    /// answer of every slot: a state is counted for when any of the submission's answers is
    /// current for it; each other answer names what replaced it, once per state and
    /// replacing submission.
    private mutating func standing(among current: [String: AnswerID]) {
        var counting: [String] = []
        var replaced: [(String, Int64)] = []
        var seen = Set<String>()
        var counted = 0
        for answer in submission.answers {
            var counts = false
            for state in answer.memberStates {
                let winner = current[Self.key(state, answer)]
                if winner == AnswerID(answer) {
                    counts = true
                    if !counting.contains(state) { counting.append(state) }
                } else if let winner, winner.id != submission.id,
                    seen.insert("\(state)\u{1F}\(winner.id)").inserted
                {
                    replaced.append((state, winner.id))
                }
            }
            if counts { counted += 1 }
        }
        currentFor = submission.memberStates.filter(counting.contains)
        supersededBy = replaced.filter { !counting.contains($0.0) }
        if submission.gathersRespondents {
            // Not read (counted by its sums): it is current for all its respondents or none.
            respondentsCounted =
                submission.response.respondents.isEmpty
                ? (counting.isEmpty ? 0 : submission.response.respondentCount) : counted
            partlySupersededBy = replaced.filter { counting.contains($0.0) }
        }
    }

    /// The history line of one stored submission, asked of the store (for `show N`): the
    /// same answer as `history(of:questionnaire:)` gives for it, without loading the
    /// other submissions.
    ///
    /// - Complexity: one indexed query per Member State the submission names (see
    ///   ``Store/currentSubmissionID(questionnaire:memberState:respondent:)``); for a
    ///   submission gathering respondents, the other submissions of its Member States that
    ///   name respondents (read whole only when there are some).
    public static func entry(
        of submission: Submission, in store: Store, questionnaire: Questionnaire?
    ) throws(SurveyError) -> HistoryEntry {
        // A respondent's answer kept as a row of its own (before schema 12) may be replaced by
        // a later submission gathering respondents, which no index lookup sees inside.
        var besidePacks = false
        if submission.response.respondent?.isEmpty == false {
            besidePacks = try !store.gatheringSubmissionIDs(
                questionnaire: submission.questionnaire, memberStates: submission.memberStates
            ).isEmpty
        }
        if submission.gathersRespondents || besidePacks {
            // Which of its respondents' answers count is decided among the answers of its
            // Member States that name respondents. Alone, it is current for all or none of
            // them (voided); beside others, those are read, never the whole store.
            let others = try store.respondentSubmissions(
                questionnaire: submission.questionnaire, memberStates: submission.memberStates,
                respondents: false
            ).filter { $0.id != submission.id }
            let related =
                others.isEmpty
                ? [submission]
                : try store.submissions(ids: (others + [submission]).map(\.id))
            let entries = history(
                of: related, questionnaire: questionnaire,
                decisions: try store.decisions(questionnaire: submission.questionnaire))
            if let mine = entries.first(where: { $0.submission.id == submission.id }) {
                return mine
            }
        }
        let (currentFor, supersededBy) = try standing(of: submission) {
            (state) throws(SurveyError) in
            try store.currentSubmissionID(
                questionnaire: submission.questionnaire, memberState: state,
                respondent: submission.response.respondent)
        }
        return HistoryEntry(
            submission: submission, currentFor: currentFor, supersededBy: supersededBy,
            late: questionnaire.map {
                Lateness.isLateAnswer(received: submission.received, questionnaire: $0)
            } ?? false,
            decisions: try store.decisions(submission: submission.id))
    }

    /// The history of every submission `store` holds (of questionnaire `id`, or all), in
    /// received order.
    ///
    /// A submission gathering respondents is read whole only where another answer of its
    /// Member States names respondents (which of its answers count depends on it); otherwise
    /// it is current for all its respondents or for none, and a line counts them.
    ///
    /// - Parameters:
    ///   - store: the store to read.
    ///   - id: only this questionnaire's submissions, or all when `nil`.
    ///   - questionnaire: the questionnaire of an id, for telling late answers.
    /// - Returns: the history lines, in received order.
    /// - Throws: ``SurveyError`` when the store cannot be read.
    public static func all(
        in store: Store, questionnaire id: String?, questionnaire: (String) -> Questionnaire?
    ) throws(SurveyError) -> [HistoryEntry] {
        var all = try store.submissions(questionnaire: id, respondents: false)
        let decisions = try store.decisions(questionnaire: id)
        var read = Set<Int64>()
        for q in Set(all.map(\.questionnaire)) {
            read.formUnion(CountedAnswers.sharingRespondents(all.filter { $0.questionnaire == q }))
        }
        if !read.isEmpty {
            var loaded: [Int64: Submission] = [:]
            for s in try store.submissions(ids: read.sorted()) { loaded[s.id] = s }
            all = all.map { loaded[$0.id] ?? $0 }
        }
        var entries: [HistoryEntry] = []
        for q in Set(all.map(\.questionnaire)).sorted() {
            entries += history(
                of: all.filter { $0.questionnaire == q }, questionnaire: questionnaire(q),
                decisions: decisions)
        }
        return entries.sorted {
            ($0.submission.received, $0.submission.id) < ($1.submission.received, $1.submission.id)
        }
    }

    /// The history lines of the `limit` most recently received submissions (`history
    /// --limit N`), each asked of the store as ``entry(of:in:questionnaire:)`` does.
    ///
    /// - Parameters:
    ///   - limit: how many submissions to list at most.
    ///   - store: the store to read.
    ///   - id: only this questionnaire's submissions, or all when `nil`.
    ///   - questionnaire: the questionnaire of an id, for telling late answers.
    /// - Returns: the history lines, in received order.
    /// - Throws: ``SurveyError`` when the store cannot be read.
    /// - Complexity: O(`limit`) submissions read and queries made, whatever the store holds
    ///   (see ``Store/latestSubmissions(questionnaire:limit:)``).
    public static func latest(
        _ limit: Int, in store: Store, questionnaire id: String?,
        questionnaire: (String) -> Questionnaire?
    ) throws(SurveyError) -> [HistoryEntry] {
        var entries: [HistoryEntry] = []
        for submission in try store.latestSubmissions(questionnaire: id, limit: limit) {
            entries.append(
                try entry(
                    of: submission, in: store,
                    questionnaire: questionnaire(submission.questionnaire)))
        }
        return entries
    }

    /// For each Member State `submission` names, whether it is the current answer or which
    /// submission replaced it, given the current answer's id per state: one reading for the
    /// history (ids from memory) and `show` (ids asked of the store).
    private static func standing<E: Error>(
        of submission: Submission, current: (String) throws(E) -> Int64?
    ) throws(E) -> (currentFor: [String], supersededBy: [(String, Int64)]) {
        var currentFor: [String] = []
        var supersededBy: [(String, Int64)] = []
        for state in submission.memberStates {
            let mine = try current(state)
            if mine == submission.id {
                currentFor.append(state)
            } else if let mine {
                supersededBy.append((state, mine))
            }
        }
        return (currentFor, supersededBy)
    }

    /// `current`, `superseded by #7`, or `current for BE; superseded for LU by #9`.
    public var status: String {
        if let voided { return "voided: \(voided.reason)" }
        if let counted = respondentsCounted, counted < submission.response.respondentCount,
            !currentFor.isEmpty
        {
            let by = Set((partlySupersededBy + supersededBy).map(\.by)).sorted()
            return "current for \(currentFor.joined(separator: " ")): \(counted) of "
                + "\(submission.response.respondentCount) respondents' answers count; the others "
                + "superseded by " + by.map { "#\($0)" }.joined(separator: ", ")
        }
        if supersededBy.isEmpty { return "current" }
        let replaced = supersededBy.map { "\($0.memberState) by #\($0.by)" }
        if currentFor.isEmpty {
            let ids = Set(supersededBy.map(\.by))
            if ids.count == 1, let id = ids.first { return "superseded by #\(id)" }
            return "superseded: " + replaced.joined(separator: ", ")
        }
        return "current for \(currentFor.joined(separator: " ")); superseded for "
            + replaced.joined(separator: ", ")
    }
}
