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

    /// The history of `submissions` (one questionnaire's), in received order.
    public static func history(of submissions: [Submission], questionnaire: Questionnaire?) -> [HistoryEntry] {
        let current = CurrentAnswers(submissions)
        return submissions.sorted { ($0.received, $0.id) < ($1.received, $1.id) }.map { s in
            var currentFor: [String] = []
            var supersededBy: [(String, Int64)] = []
            for state in s.memberStates {
                let mine = current.byState[state]?.first { $0.response.respondent == s.response.respondent }
                if mine?.id == s.id {
                    currentFor.append(state)
                } else if let mine {
                    supersededBy.append((state, mine.id))
                }
            }
            return HistoryEntry(
                submission: s, currentFor: currentFor, supersededBy: supersededBy,
                late: questionnaire.map { !$0.isOnTime(s.received) } ?? false)
        }
    }

    /// `current`, `superseded by #7`, or `current for BE; superseded for LU by #9`.
    public var status: String {
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
