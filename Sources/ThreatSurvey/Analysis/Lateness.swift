public import Foundation

/// Who is late: the one rule every figure uses, with its two meanings named, so that no two
/// figures of one report disagree and each says which it means.
///
/// - A **late Member State** (``Meaning/memberState``) is one whose *first* answer came after
///   the deadline, as ``DeadlineCheck`` says: the headline, the deadline tiles and the summary's
///   "(one after the deadline)". A state that answered on time and resubmitted later is on
///   time ("resubmitted late").
/// - A **late answer** (``Meaning/answer``) is a *counted* answer received after the deadline:
///   the ranking's note and `rank --format json`'s `late`, what `--on-time-only` leaves out.
///   That on-time state's late resubmission is a late answer.
///
/// Both are decided by ``Questionnaire/lateStates(latest:)`` (after the end of the deadline
/// day in the questionnaire's zone); only which answer is judged differs. For one answer or
/// one state, ``isLateAnswer(received:questionnaire:)`` and
/// ``isLateMemberState(firstAnswer:questionnaire:)`` say the same.
public enum Lateness: Sendable {
    /// Which answer of a Member State is judged.
    public enum Meaning: Sendable, Hashable {
        /// Its first answer: a late Member State.
        case memberState
        /// Its counted (current) answer: a late answer.
        case answer
    }

    /// Whether an answer received at `received` is a late answer: received after the deadline.
    public static func isLateAnswer(received: Date, questionnaire: Questionnaire) -> Bool {
        !questionnaire.isOnTime(received)
    }

    /// Whether a Member State whose first answer was received at `firstAnswer` is late.
    ///
    /// Only the first answer decides: a later resubmission never makes a state late, and a
    /// late first answer is not undone by anything after it.
    public static func isLateMemberState(firstAnswer: Date, questionnaire: Questionnaire) -> Bool {
        isLateAnswer(received: firstAnswer, questionnaire: questionnaire)
    }

    /// The roster states that are late in `meaning`, in protocol order.
    ///
    /// - Parameters:
    ///   - meaning: which answer is judged.
    ///   - questionnaire: the questionnaire and its deadline.
    ///   - submissions: its submissions (superseded ones included; any order).
    ///   - files: files stored by the streaming path, by their sums: each of their states
    ///     answered when the file was received.
    ///   - asOf: only answers received at or before this instant count (`nil`: all).
    /// - Returns: the late roster states.
    /// - Complexity: O(n log n + f × s + r) for n submissions, f files of s states, r roster
    ///   states.
    public static func lateStates(
        _ meaning: Meaning = .memberState, questionnaire: Questionnaire,
        submissions: [Submission], files: [StreamedFileSums] = [], asOf: Date? = nil
    ) -> [String] {
        var judged: [String: Date] = [:]
        let keep: (Date, Date) -> Bool = meaning == .memberState ? { $0 < $1 } : { $0 > $1 }
        let note = { (state: String, received: Date) in
            if judged[state].map({ keep(received, $0) }) ?? true { judged[state] = received }
        }
        switch meaning {
        case .memberState:
            for s in submissions where asOf.map({ s.received <= $0 }) ?? true {
                for state in s.memberStates { note(state, s.received) }
            }
        case .answer:
            let current = CurrentAnswers(submissions, asOf: asOf)
            for (state, _) in current.byState {
                if let latest = current.current(for: state) { note(state, latest.received) }
            }
        }
        for file in files where asOf.map({ file.received <= $0 }) ?? true {
            for state in file.aggregate.states.keys { note(state, file.received) }
        }
        return questionnaire.lateStates { judged[$0] }
    }
}
