public import Foundation

/// Who answered on time, late, or not at all, as things stood at the end of a given day.
///
/// The deadline is the end of its day in the questionnaire's zone (Europe/Brussels by
/// default, daylight saving time respected): an answer at 23:30 on 7 September is on time,
/// one at 00:10 on the 8th is late. A Member State whose on-time answer was replaced by a
/// late resubmission stays on time, and the check says it resubmitted late.
public struct DeadlineCheck: Sendable {
    /// A Member State that answered, and when.
    public struct Answer: Sendable, Hashable {
        /// The EU code.
        public var memberState: String
        /// When its first answer counted here was received.
        public var received: Date
        /// The submission.
        public var submission: Int64
    }

    /// The questionnaire.
    public var questionnaire: Questionnaire
    /// The day the check is made for (its end is the cut-off).
    public var today: CivilDate
    /// Whole days from `today` to the deadline day; negative once it has passed.
    public var daysLeft: Int
    /// Whether the deadline had passed by the end of `today`.
    public var passed: Bool
    /// Member States whose first answer came by the deadline, protocol order.
    public var onTime: [Answer]
    /// Member States whose first answer came after the deadline, protocol order.
    public var late: [Answer]
    /// On-time Member States that sent a later answer after the deadline.
    public var resubmittedLate: [Answer]
    /// Roster Member States with no answer by the end of `today`, protocol order.
    public var missing: [String]

    /// Checks `submissions` (all of the questionnaire's) as they stood at the end of `today`.
    public init(questionnaire: Questionnaire, submissions: [Submission], today: CivilDate) {
        let cutoff = Self.cutoff(today: today, questionnaire: questionnaire)
        self.init(
            questionnaire: questionnaire,
            answers: FirstAndLastAnswer.of(submissions, before: cutoff),
            today: today)
    }

    /// The first instant not counted when checking on `today`: the start of the next day.
    public static func cutoff(today: CivilDate, questionnaire: Questionnaire) -> Date {
        today.next.start(in: questionnaire.timeZone)
    }

    /// The check from each Member State's first and last answer received before
    /// ``cutoff(today:questionnaire:)`` (see ``Store/firstAndLastAnswers(questionnaire:before:)``).
    ///
    /// - Complexity: O(roster).
    public init(
        questionnaire: Questionnaire, answers: [String: FirstAndLastAnswer], today: CivilDate
    ) {
        self.questionnaire = questionnaire
        self.today = today
        self.daysLeft = today.days(to: questionnaire.deadline)
        self.passed = today > questionnaire.deadline
        var onTime: [Answer] = []
        var late: [Answer] = []
        var resubmitted: [Answer] = []
        var missing: [String] = []
        for state in questionnaire.roster {
            guard let mine = answers[state] else {
                missing.append(state)
                continue
            }
            let first = mine.first
            if !Lateness.isLateMemberState(
                firstAnswer: first.received, questionnaire: questionnaire)
            {
                onTime.append(
                    Answer(memberState: state, received: first.received, submission: first.id))
                if Lateness.isLateAnswer(received: mine.last.received, questionnaire: questionnaire)
                {
                    resubmitted.append(
                        Answer(
                            memberState: state, received: mine.last.received,
                            submission: mine.last.id))
                }
            } else {
                late.append(
                    Answer(memberState: state, received: first.received, submission: first.id))
            }
        }
        self.onTime = onTime
        self.late = late
        self.resubmittedLate = resubmitted
        self.missing = missing
    }

    /// Today in `zone`, for the default `--today`.
    public static func today(in zone: TimeZone, now: Date = Date()) -> CivilDate {
        CivilDate(now, in: zone)
    }
}
