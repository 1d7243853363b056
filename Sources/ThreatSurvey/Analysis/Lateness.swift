public import Foundation

/// Who is late: the one rule the headline, the deadline tiles, the ranking's note, the
/// summary and the history all use, so that no two figures of one report disagree.
///
/// "Late" has two meanings, each named here once:
/// - a **late answer** (``isLateAnswer(received:questionnaire:)``) was received after the
///   deadline; rank lists the counted ones and `--on-time-only` leaves them out, and history
///   marks each;
/// - a **late Member State** (``isLateMemberState(firstAnswer:questionnaire:)``,
///   ``lateStates(questionnaire:submissions:asOf:)``) sent its *first* answer after the
///   deadline (as ``DeadlineCheck`` says); a state that answered on time and resubmitted later
///   is on time ("resubmitted late"), whichever answer is current.
///
/// Both rest on ``Questionnaire/isOnTime(_:)``: the deadline's day ends at midnight in the
/// questionnaire's zone.
public enum Lateness {
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

    /// The roster states whose first answer (received at or before `asOf`, when given) came
    /// after the deadline, in protocol order.
    ///
    /// - Complexity: O(n + r) for n submissions and r roster states.
    public static func lateStates(
        questionnaire: Questionnaire, submissions: [Submission], asOf: Date? = nil
    )
        -> [String]
    {
        var first: [String: Date] = [:]
        for s in submissions where asOf.map({ s.received <= $0 }) ?? true {
            for state in s.memberStates where first[state].map({ s.received < $0 }) ?? true {
                first[state] = s.received
            }
        }
        return questionnaire.lateStates { first[$0] }
    }
}
