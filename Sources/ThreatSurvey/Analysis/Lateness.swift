public import Foundation

/// Who is late: the one rule the headline, the deadline tiles, the ranking's note and the
/// summary all use, so that no two figures of one report disagree.
///
/// A Member State is late when its first counted answer came after the deadline (as
/// ``DeadlineCheck`` says); a state that answered on time and resubmitted later is on time
/// ("resubmitted late"), whichever answer is current.
public enum Lateness {
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
