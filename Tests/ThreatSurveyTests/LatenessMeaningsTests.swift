import Foundation
import Testing

@testable import ThreatSurvey

/// One lateness rule with its two meanings named: a late Member State (first answer after the
/// deadline) and a late answer (a counted answer received after it).
@Suite("Lateness.lateStates: both meanings, read one by one or summed")
struct LatenessMeaningsTests {
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
        // The file's states answered when it came, beside the loaded submissions.
        var times = CountedAnswers.answerTimes(Self.submissions, asOf: nil)
        for state in aggregate.states.keys {
            if times[state] == nil {
                times[state] = CountedAnswers.AnswerTimes(received)
            } else {
                times[state]?.include(received)
            }
        }
        // PL answered on time before: not a late Member State, but its counted answer is late;
        // SE's first answer is the file's.
        #expect(Lateness.lateStates(.memberState, questionnaire: q, times: times) == ["EL", "SE"])
        #expect(
            Lateness.lateStates(.answer, questionnaire: q, times: times)
                == ["EL", "HU", "PL", "SE"])
    }
}

extension LatenessTests {
    @Test(
        "On a store with a streamed file, summary, deadline and the report name the same late Member States"
    )
    func storedSums() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let q = try FastPathTests.benchQuestionnaire()
        let catalog = QuestionnaireCatalog(questionnaires: [q])
        let store = try Store(path: folder + "/s.sqlite")
        // PL answers on time; a file of 200 respondents (PL among them) comes after the deadline.
        try TestSupport.write(
            #"{"delegation": "PL", "threats": ["firearms"]}"#, to: folder + "/pl.json")
        _ = try Submitter(catalog: catalog).submit(
            SubmitRequest(
                paths: [folder + "/pl.json"], questionnaire: q.id,
                received: .date(try #require(CivilDate(year: 2026, month: 3, day: 2)))),
            into: store)
        var text = ""
        var generator = ConsultationGenerator(respondents: 200, seed: 5)
        _ = generator.generate { text += $0 }
        try TestSupport.write(text, to: folder + "/late.csv")
        let late = try #require(CivilDate(year: 2026, month: 4, day: 2))
        #expect(
            try StreamingSubmitter(catalog: catalog).store(
                into: store, path: folder + "/late.csv", name: "late.csv", questionnaire: q,
                received: late.at(hour: 12, in: q.timeZone)) != nil)
        let input = try AnalysisInput.load(AnalysisRequest(), catalog: catalog, store: store)
        #expect(input.counted.reading == .cachedSums)
        let check = DeadlineCheck(
            questionnaire: q, submissions: try store.submissions(questionnaire: q.id), today: late)
        let model = try ReportModel.load(
            store: store, questionnaire: q, grouping: .eurovoc, today: late, generated: Date())
        #expect(!check.late.isEmpty)
        #expect(!check.late.map(\.memberState).contains("PL"))
        #expect(input.lateMemberStates == check.late.map(\.memberState))
        #expect(model.lateMemberStates == check.late.map(\.memberState))
        // PL's counted answer is in the late file: a late answer, not a late Member State.
        #expect(input.lateAnswers.contains("PL"))
        #expect(model.ranking.lateAnswers == input.lateAnswers)
    }
}
