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

    /// The roster states that are late in `meaning`, in protocol order: the one function
    /// both meanings are decided by.
    ///
    /// - Parameters:
    ///   - meaning: which answer is judged: each state's first (a late Member State) or its
    ///     counted one (a late answer).
    ///   - questionnaire: the questionnaire and its deadline.
    ///   - times: per Member State, its first and counted answer times
    ///     (`CountedAnswers`).
    /// - Returns: the late roster states.
    /// - Complexity: O(r) for r roster states.
    package static func lateStates(
        _ meaning: Meaning, questionnaire: Questionnaire,
        times: [String: CountedAnswers.AnswerTimes]
    ) -> [String] {
        questionnaire.lateStates { state in
            times[state].map { meaning == .memberState ? $0.first : $0.counted }
        }
    }

    /// The roster states that are late in `meaning` among `submissions` (superseded ones
    /// included; any order), counting answers received at or before `asOf` (`nil`: all).
    ///
    /// - Returns: the late roster states.
    /// - Complexity: O(n + r) for n submissions and r roster states.
    public static func lateStates(
        _ meaning: Meaning = .memberState, questionnaire: Questionnaire,
        submissions: [Submission], asOf: Date? = nil
    ) -> [String] {
        lateStates(
            meaning, questionnaire: questionnaire,
            times: CountedAnswers.answerTimes(submissions, asOf: asOf))
    }
}
