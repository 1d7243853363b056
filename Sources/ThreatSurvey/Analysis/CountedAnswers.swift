package import Foundation

/// A questionnaire's counted answers as of a moment: the one definition of current, first
/// and counted answers that every figure reads (<doc:Figures>).
///
/// Ranking, regions, tally, deadline, summary and report are all built from this value, so
/// no two of them can count differently. How it was filled is its own affair
/// (``load(store:questionnaire:asOf:receivedBefore:useCache:)``): every submission is
/// loaded, and one gathering respondents is counted by the sums kept with it unless another
/// answer of the same Member State could replace some of its respondents' (then its
/// respondents are read and the rule applied to each); a `--from` file summed by the fast
/// reader fills the same value (``init(questionnaire:aggregate:received:)``). Whichever
/// way, it holds submissions and sums, never a million respondents' answers it does not
/// need.
package struct CountedAnswers: Sendable {
    /// A Member State's first answer and its counted answer, by when they were received:
    /// what ``Lateness`` judges in its two meanings.
    package struct AnswerTimes: Sendable, Hashable {
        /// When its first answer was received (a late Member State is judged on it).
        package var first: Date
        /// When its counted (latest current) answer was received (a late answer).
        package var counted: Date

        /// The times of one answer.
        package init(_ received: Date) {
            first = received
            counted = received
        }

        /// Widens the pair with one more answer.
        package mutating func include(_ received: Date) {
            if received < first { first = received }
            if received > counted { counted = received }
        }
    }

    /// How the counts were read: the same value whichever way (tests and timings ask).
    package enum Reading: Sendable, Hashable {
        /// Every submission loaded (the general way).
        case submissions
        /// Submissions gathering respondents counted by the sums kept with them.
        case cachedSums
        /// One `--from` file summed by the fast reader.
        case fastReader
    }

    /// The questionnaire.
    package var questionnaire: Questionnaire
    /// How the counts were read.
    package var reading = Reading.submissions
    /// Only answers received at or before this instant count (`nil`: all).
    package var asOf: Date?
    /// Only answers received before this instant count (the on-time rule; `nil`: all).
    package var receivedBefore: Date?
    /// Every submission of the questionnaire as it counts (the officer's decisions applied,
    /// voided ones left out), superseded ones included.
    ///
    /// Their written comments, answers to questions and cosignatories are what `tally`,
    /// `compile`, `summary` and the report's comments need. A submission gathering
    /// respondents holds their answers only where they were read (see ``packSums``).
    package var submissions: [Submission]
    /// The current answers among ``submissions`` as of the moment.
    package var current: CurrentAnswers
    /// The sums kept with the submissions gathering respondents whose answers were not read,
    /// by submission: what such a submission adds where it is current.
    package var packSums: [Int64: MentionAggregate.StateSums] = [:]
    /// The per-Member-State sums of every counted answer.
    package var aggregate: MentionAggregate
    /// Per Member State, its first and counted answer times (as of ``asOf``; the on-time rule
    /// does not apply: a late answer is what it leaves out).
    package var answerTimes: [String: AnswerTimes]

    /// The counted answers among `submissions` (all of the questionnaire's, any order): the
    /// general way, and the one every other way must agree with.
    ///
    /// - Parameters:
    ///   - questionnaire: the questionnaire answered.
    ///   - submissions: every submission to choose from, superseded ones included.
    ///   - asOf: only answers received at or before this instant count (`nil`: all).
    ///   - receivedBefore: only answers received before this instant count (`nil`: all).
    ///   - packSums: the sums of the submissions gathering respondents given without their
    ///     answers (each must be here).
    /// - Complexity: O(n log n + m) for n answers of m mentions.
    package init(
        questionnaire: Questionnaire, submissions: [Submission], asOf: Date? = nil,
        receivedBefore: Date? = nil, packSums: [Int64: MentionAggregate.StateSums] = [:]
    ) {
        self.questionnaire = questionnaire
        self.asOf = asOf
        self.receivedBefore = receivedBefore
        self.submissions = submissions
        self.packSums = packSums
        current = CurrentAnswers(submissions, asOf: asOf, receivedBefore: receivedBefore)
        aggregate = MentionAggregate(
            questionnaire: questionnaire, current: current, packSums: packSums)
        answerTimes = Self.answerTimes(submissions, asOf: asOf)
    }

    /// The counted answers of one file summed by the fast reader (`--from`), received at
    /// `received` (`nil`: unknown, taken as the deadline so that nothing is late).
    package init(questionnaire: Questionnaire, aggregate: MentionAggregate, received: Date?) {
        self.questionnaire = questionnaire
        reading = .fastReader
        submissions = []
        current = CurrentAnswers([])
        self.aggregate = aggregate
        // One file, one arrival: every state's first answer is its counted one.
        let when = received ?? questionnaire.deadlineInstant
        answerTimes = aggregate.states.mapValues { _ in AnswerTimes(when) }
    }

    /// Per Member State (as delegation or cosignatory), its first and counted answer times
    /// among `submissions` received at or before `asOf`.
    ///
    /// The counted answer is the latest received: it is current in its slot
    /// (``CurrentAnswers``), and no current answer is later.
    ///
    /// - Complexity: O(n) for n submissions.
    package static func answerTimes(_ submissions: [Submission], asOf: Date?) -> [String:
        AnswerTimes]
    {
        var times: [String: AnswerTimes] = [:]
        for s in submissions where asOf.map({ s.received <= $0 }) ?? true {
            for state in s.memberStates {
                if times[state] == nil {
                    times[state] = AnswerTimes(s.received)
                } else {
                    times[state]?.include(s.received)
                }
            }
        }
        return times
    }

    /// The roster states late in `meaning` (``Lateness``), protocol order.
    package func lateStates(_ meaning: Lateness.Meaning) -> [String] {
        Lateness.lateStates(meaning, questionnaire: questionnaire, times: answerTimes)
    }
}
