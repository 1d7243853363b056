public import Foundation

/// Which submission is each Member State's current answer (<doc:Figures>).
///
/// A Member State's current answer is the most recently received submission that names it
/// as delegation or cosignatory; where answers carry a respondent, the rule applies per
/// respondent. Every analysis starts here, so that a resubmission replaces an earlier
/// answer everywhere at once and nothing is counted twice.
public struct CurrentAnswers: Sendable {
    /// The current answers per Member State: one per respondent (one when none is given), in
    /// the one order (``precedes(_:_:)``, then as their submission holds them).
    ///
    /// A submission gathering respondents gives one answer per respondent
    /// (``Submission/answers``), each numbered as the submission.
    public let byState: [String: [Submission]]

    /// Computes the current answers from `submissions` (any order).
    ///
    /// - Parameters:
    ///   - submissions: every submission to choose from, superseded ones included.
    ///   - asOf: only submissions received at or before this instant count.
    ///   - receivedBefore: only submissions received before this instant count (the on-time rule
    ///     passes the instant the deadline day ends).
    /// - Complexity: O(n log n) for n submissions.
    public init(_ submissions: [Submission], asOf: Date? = nil, receivedBefore: Date? = nil) {
        // The one order; answers it cannot tell apart (respondents of one submission on one
        // line, as in a one-line JSON array) in the order the submission holds them, so that
        // the later one in the file counts and nothing depends on a dictionary's order.
        let answers = submissions.flatMap(\.answers)
        let order = answers.indices.sorted { a, b in
            if CurrentAnswers.precedes(answers[a], answers[b]) { return true }
            if CurrentAnswers.precedes(answers[b], answers[a]) { return false }
            return a < b
        }
        var latest: [String: [String: Int]] = [:]
        for (rank, index) in order.enumerated() {
            let answer = answers[index]
            if let asOf, answer.received > asOf { continue }
            if let receivedBefore, answer.received >= receivedBefore { continue }
            for state in answer.memberStates {
                latest[state, default: [:]][CurrentAnswers.slot(answer)] = rank
            }
        }
        byState = latest.mapValues { perRespondent in
            perRespondent.values.sorted().map { answers[order[$0]] }
        }
    }

    /// The Member States that have a current answer, in protocol order.
    public var respondedStates: [String] { MemberState.sortedByProtocol(byState.keys) }

    /// The single current submission of `state` (the latest, where there are respondents).
    public func current(for state: String) -> Submission? {
        byState[state]?.last
    }

    /// Whether `a` comes before `b`, so that `b` replaces it when both fill the same slot.
    ///
    /// That is: received earlier, or at the same instant with a smaller number (stored
    /// earlier), or, within one submission gathering respondents, on an earlier line (a
    /// respondent named twice in a file: the later answer counts). The one "which answer is
    /// current" order; ``Submitter`` uses it for its receipts too.
    public static func precedes(_ a: Submission, _ b: Submission) -> Bool {
        (a.received, a.id, a.response.line) < (b.received, b.id, b.response.line)
    }

    /// The slot an answer fills for each Member State it speaks for.
    ///
    /// One per respondent, or one (`""`) where answers carry none. A submission whose
    /// respondents were not loaded fills a slot of its own (`CountedAnswers` reads its respondents only where another
    /// submission could replace some).
    public static func slot(_ submission: Submission) -> String {
        if let respondent = submission.response.respondent { return respondent }
        return submission.gathersRespondents ? unloadedRespondents : ""
    }

    /// The slot of a submission whose respondents were not loaded.
    static let unloadedRespondents = "\u{1F}respondents"
}
