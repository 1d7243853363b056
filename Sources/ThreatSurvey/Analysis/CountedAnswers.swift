package import Foundation

/// A questionnaire's counted answers as of a moment: the one definition of current, first
/// and counted answers that every figure reads (<doc:Figures>).
///
/// Ranking, regions, tally, deadline, summary and report are all built from this value, so
/// no two of them can count differently. How it was filled is its own affair
/// (``load(store:questionnaire:asOf:receivedBefore:useCache:)``): from loaded submissions,
/// from the per-file sums a store caches for streamed files, or from one index-order pass
/// over streamed rows when files share respondents; a `--from` file summed by the fast
/// reader fills the same value (``init(questionnaire:aggregate:received:)``). Whichever way,
/// it holds sums and a few text-carrying submissions, never a million respondent rows.
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

    /// One file stored by the streaming path, as the figures and provenance see it: never its
    /// rows, only who it speaks for, when, and what of it counts.
    package struct StreamedFile: Sendable {
        /// The stored file's number.
        package var fileID: Int64
        /// The name it was stored under.
        package var name: String
        /// SHA-256 of the file, lowercase hex.
        package var checksum: String
        /// When it was received.
        package var received: Date
        /// The numbers of its submissions, one per respondent.
        package var submissions: ClosedRange<Int64>
        /// The Member States it answers for, protocol order.
        package var memberStates: [String]
        /// Per Member State, the numbers of its first and last submissions in the file (what
        /// the deadline check names).
        package var stateSubmissions: [String: ClosedRange<Int64>] = [:]
        /// Its answers (respondents).
        package var answers: Int
        /// Per Member State, the sums of its answers that count as of the moment (none when
        /// it came after it; a later file may replace some when files share respondents).
        package var counted: [String: MentionAggregate.StateSums]

        /// How many of its answers count.
        package var countedAnswers: Int {
            counted.values.reduce(0) { SumsRow.saturatingAdd($0, $1.answers) }
        }
    }

    /// How the counts were read: the same value whichever way (tests and timings ask).
    package enum Reading: Sendable, Hashable {
        /// Every submission loaded (the general way).
        case submissions
        /// Streamed files by the sums the store caches for them, the rest loaded.
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
    /// The submissions loaded with their text, superseded ones included.
    ///
    /// Their written comments, answers to questions and cosignatories are what `tally`,
    /// `compile`, `summary` and the report's comments need: every submission, or, when
    /// streamed files are counted by their sums, the others. Never the streamed files' rows.
    package var submissions: [Submission]
    /// The current answers among ``submissions`` as of the moment.
    package var current: CurrentAnswers
    /// The files stored by the streaming path whose rows are not in ``submissions``, in
    /// received order (all of them: provenance shows those up to its day).
    package var files: [StreamedFile] = []
    /// The per-Member-State sums of every counted answer, loaded or streamed.
    package var aggregate: MentionAggregate
    /// Per Member State, its first and counted answer times (as of ``asOf``; the on-time rule
    /// does not apply: a late answer is what it leaves out).
    package var answerTimes: [String: AnswerTimes]

    /// The counted answers among `submissions` (all of the questionnaire's, any order): the
    /// general way, and the one every other way must agree with.
    ///
    /// - Complexity: O(n log n + m) for n submissions of m mentions.
    package init(
        questionnaire: Questionnaire, submissions: [Submission], asOf: Date? = nil,
        receivedBefore: Date? = nil
    ) {
        self.questionnaire = questionnaire
        self.asOf = asOf
        self.receivedBefore = receivedBefore
        self.submissions = submissions
        current = CurrentAnswers(submissions, asOf: asOf, receivedBefore: receivedBefore)
        aggregate = MentionAggregate(questionnaire: questionnaire, current: current)
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

    /// One answerless submission per Member State of each streamed file, received when the
    /// file was.
    ///
    /// Who answered and when, for the figures that read submissions (`tally`, the deadline
    /// check) without the file's rows: two per state, numbered as its first and last
    /// submissions in the file (the deadline check names them; negative if unknown), with a
    /// respondent private to the file, so a stand-in supersedes nothing.
    ///
    /// - Complexity: O(files × Member States).
    package var standIns: [Submission] {
        var out: [Submission] = []
        var unknown: Int64 = 0
        for (index, file) in files.enumerated() {
            for state in file.memberStates {
                unknown -= 1
                let ids = file.stateSubmissions[state] ?? unknown...unknown
                for id in Set([ids.lowerBound, ids.upperBound]).sorted() {
                    out.append(
                        Submission(
                            id: id, questionnaire: questionnaire.id, received: file.received,
                            sourceFile: "", format: .csvLong, encoding: "", delimiter: nil,
                            checksum: "", fileID: 0,
                            response: Response(
                                delegation: state, respondent: "\u{1F}streamed file \(index)"),
                            warnings: []))
                }
            }
        }
        return out
    }

    /// The Member States with counted answers in streamed files (not in ``current``).
    package var streamedStates: Set<String> {
        var states = Set<String>()
        for file in files {
            for (state, sums) in file.counted where sums.answers > 0 { states.insert(state) }
        }
        return states
    }

    /// The loaded submissions and the streamed files' stand-ins: every answer as the figures
    /// that read submissions see it.
    package var answering: [Submission] { submissions + standIns }
}
