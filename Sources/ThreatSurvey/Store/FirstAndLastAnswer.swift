public import Foundation

/// A Member State's first and last answer to a questionnaire: what a deadline check needs.
public struct FirstAndLastAnswer: Sendable, Hashable {
    /// The first answer received (then lowest id).
    public var first: (id: Int64, received: Date)
    /// The last answer received (then highest id).
    public var last: (id: Int64, received: Date)

    /// Creates the pair.
    public init(first: (id: Int64, received: Date), last: (id: Int64, received: Date)) {
        self.first = first
        self.last = last
    }

    /// Per Member State (as delegation or cosignatory), its first and last answer among
    /// `submissions` received before `cutoff`.
    ///
    /// The definition of the rule, which the store's index seeks
    /// (``Store/firstAndLastAnswers(questionnaire:before:)``) answer without loading anything.
    /// Given the counted submissions (voided ones left out), both give the same pairs;
    /// `FirstAndLastAnswerAgreementTests` checks it on random stores.
    ///
    /// - Complexity: O(n) for n submissions.
    public static func of(_ submissions: [Submission], before cutoff: Date) -> [String: Self] {
        var answers: [String: Self] = [:]
        for s in submissions where s.received < cutoff {
            for state in s.memberStates {
                if answers[state] == nil {
                    answers[state] = Self(first: (s.id, s.received), last: (s.id, s.received))
                } else {
                    answers[state]?.include(id: s.id, received: s.received)
                }
            }
        }
        return answers
    }

    /// Widens the pair with one more answer.
    public mutating func include(id: Int64, received: Date) {
        if (received, id) < (first.received, first.id) { first = (id, received) }
        if (received, id) > (last.received, last.id) { last = (id, received) }
    }

    /// Equal when both the first and the last answers are equal (tuples have no synthesised `==`).
    public static func == (a: Self, b: Self) -> Bool {
        a.first == b.first && a.last == b.last
    }

    /// Hashes the two answers' ids (tuples have no synthesised `hash(into:)`).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(first.id)
        hasher.combine(last.id)
    }
}
