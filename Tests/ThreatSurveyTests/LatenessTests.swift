import Foundation
import Testing

@testable import ThreatSurvey

/// One lateness rule with its two meanings named: a late Member State (first answer after the
/// deadline) and a late answer (a counted answer received after it).
@Suite("Lateness")
struct LatenessTests {
    typealias R = RankingTests

    /// PL on time; HU on time, then again after the deadline; EL only after it.
    static let submissions = [
        R.answer(1, "PL", [("alpha", 1)], day: 2),
        R.answer(2, "HU", [("alpha", 1)], day: 3),
        R.answer(3, "EL", [("bravo", 1)], day: 9),
        R.answer(4, "HU", [("bravo", 2)], day: 10),
    ]

    @Test("A late Member State's first answer came late; a late answer is a counted one that did")
    func bothMeanings() {
        let q = R.questionnaire
        #expect(
            Lateness.lateStates(.memberState, questionnaire: q, submissions: Self.submissions)
                == ["EL"])
        #expect(
            Lateness.lateStates(.answer, questionnaire: q, submissions: Self.submissions)
                == ["EL", "HU"])
        // As of the deadline day's end nobody is late, in either meaning.
        let deadline = q.deadlineInstant
        for meaning in [Lateness.Meaning.memberState, .answer] {
            #expect(
                Lateness.lateStates(
                    meaning, questionnaire: q, submissions: Self.submissions, asOf: deadline
                ).isEmpty)
        }
        // The ranking's late answers are the answer meaning; the deadline check's late states
        // the Member State meaning.
        #expect(
            Ranking(questionnaire: q, submissions: Self.submissions).lateAnswers == ["EL", "HU"])
        let check = DeadlineCheck(
            questionnaire: q, submissions: Self.submissions,
            today: CivilDate(year: 2015, month: 9, day: 30)!)
        #expect(check.late.map(\.memberState) == ["EL"])
    }

    @Test("A streamed file's states answered when the file came: first or counted answer alike")
    func streamedFiles() {
        let q = R.questionnaire
        var aggregate = MentionAggregate(threats: q.threats.map(\.id), carriesRespondents: true)
        aggregate.states["PL"] = MentionAggregate.StateSums(threats: q.threats.count)
        aggregate.states["SE"] = MentionAggregate.StateSums(threats: q.threats.count)
        let received = CivilDate(year: 2015, month: 9, day: 8)!.at(hour: 9, in: q.timeZone)
        let file = StreamedFileSums(
            fileID: 9, received: received, respondentPrefix: "R", respondents: 1...2,
            threatList: "", aggregate: aggregate, name: "late.csv", checksum: "",
            submissions: 10...11, rows: 2)
        // PL answered on time before: not a late Member State, but its counted answer is late;
        // SE's first answer is the file's.
        #expect(
            Lateness.lateStates(
                .memberState, questionnaire: q, submissions: Self.submissions, files: [file])
                == ["EL", "SE"])
        #expect(
            Lateness.lateStates(
                .answer, questionnaire: q, submissions: Self.submissions, files: [file])
                == ["EL", "HU", "PL", "SE"])
    }
}
