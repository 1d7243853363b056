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
        // The latest in received order wins, as in CurrentAnswers; a voided one never does.
        var current: [String: Int64] = [:]
        func key(_ state: String, _ s: Submission) -> String {
            state + "\u{1F}" + (s.response.respondent ?? "")
        }
        for s in ordered where !(decided[s.id] ?? []).contains(where: { $0.action == .void }) {
            for state in s.memberStates { current[key(state, s)] = s.id }
        }
        return ordered.map { s in
            let (currentFor, supersededBy) = standing(of: s) { current[key($0, s)] }
            return HistoryEntry(
                submission: s, currentFor: currentFor, supersededBy: supersededBy,
                late: questionnaire.map {
                    Lateness.isLateAnswer(received: s.received, questionnaire: $0)
                }
                    ?? false,
                decisions: decided[s.id] ?? [])
        }
    }

    /// The history line of one stored submission, asked of the store (for `show N`): the
    /// same answer as `history(of:questionnaire:)` gives for it, without loading the
    /// other submissions.
    ///
    /// - Complexity: one indexed query per Member State the submission names (see
    ///   ``Store/currentSubmissionID(questionnaire:memberState:respondent:)``).
    public static func entry(
        of submission: Submission, in store: Store, questionnaire: Questionnaire?
    ) throws(SurveyError) -> HistoryEntry {
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
