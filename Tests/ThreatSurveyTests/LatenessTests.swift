import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// Lateness, in both meanings.
///
/// A late Member State: its first answer came after the deadline. A late answer: one received
/// after it, which rank lists and --on-time-only leaves out. One rule each, used alike by the headline, the tiles, deadline, rank and the summary; with
/// `--from`, lateness is unknown unless `--received` says when the files came.
@Suite("Lateness: late Member States and late answers")
struct LatenessTests {
    static let files = ["hu.csv", "pl.csv", "el.json", "es.json", "hr.json", "it.json", "bg.json"]
        .map(TestSupport.fixture)

    @Test(
        "Headline, tiles, deadline and summary agree: an on-time answer resubmitted late is not \"after the deadline\""
    )
    func lateAgrees() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let store = folder + "/store.sqlite"
        for (file, when, again) in [
            ("hu.csv", "2015-09-01", false), ("pl.csv", "2015-09-01", false),
            ("el.json", "2015-09-09", false),
            ("hu.csv", "2015-09-10", true),
        ] {
            let result = runCLI(
                ["submit", TestSupport.fixture(file), "--received", when]
                    + (again ? ["--again"] : []), store: store)
            #expect(result.status == .success)
        }
        let summary = runCLI(["summary"], store: store)
        #expect(
            summary.out.contains(
                "Three Member States replied to 9396/1/15 (one after the deadline)."))
        let report = runCLI(["report", "--today", "2015-09-30"], store: store)
        #expect(report.out.contains("Member States answered — 2 on time, 1 late, 25 missing."))
        #expect(report.out.contains("(one after the deadline)"))
        let rank = runCLI(["rank", "--format", "json"], store: store)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(rank.out.utf8)) as? [String: Any])
        // rank lists the answers it counts that arrived late (HU's resubmission), a different statement.
        #expect(object["late"] as? [String] == ["EL", "HU"])
        let deadline = runCLI(
            ["deadline", "--today", "2015-09-30", "--format", "json"], store: store)
        let check = try #require(
            try JSONSerialization.jsonObject(with: Data(deadline.out.utf8)) as? [String: Any])
        #expect((check["late"] as? [[String: Any]])?.map { $0["delegation"] as? String } == ["EL"])
        #expect(
            (check["resubmittedLate"] as? [[String: Any]])?.map { $0["delegation"] as? String } == [
                "HU"
            ])
    }

    @Test("rank --from without --received calls nothing late, and says lateness is unknown")
    func fromWithoutReceived() throws {
        let result = runCLI(["rank", "--format", "json", "--from"] + Self.files)
        #expect(result.status == .success)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect((object["late"] as? [String]) == [])
        #expect((object["notes"] as? [String])?.first == AnalysisInput.latenessUnknownNote)
        let table = runCLI(["rank", "--from"] + Self.files)
        #expect(table.out.contains("received time unknown"))
        #expect(!table.out.contains("arrived after the deadline"))
    }

    @Test("rank --from with --received judges lateness from it")
    func fromWithReceived() throws {
        let late = runCLI(
            ["rank", "--format", "json", "--received", "2015-09-09", "--from"] + Self.files)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(late.out.utf8)) as? [String: Any])
        #expect((object["late"] as? [String])?.count == 7)
        #expect(object["notes"] == nil)
        let onTime = runCLI(
            ["rank", "--format", "json", "--received", "2015-09-03", "--from"] + Self.files)
        let onTimeObject = try #require(
            try JSONSerialization.jsonObject(with: Data(onTime.out.utf8)) as? [String: Any])
        #expect((onTimeObject["late"] as? [String]) == [])
    }

    @Test("--as-of and --on-time-only with --from need --received (refused before reading)")
    func fromNeedsReceived() {
        for option in [["--as-of", "2015-09-05"], ["--on-time-only"]] {
            let result = runCLI(["rank"] + option + ["--from"] + Self.files)
            #expect(result.status == .usage)
            #expect(result.err.contains("with --from needs --received"))
        }
        #expect(runCLI(["rank", "--received", "2015-09-05"]).status == .usage)
    }

    @Test("The fast path (one large long CSV) also leaves lateness unknown without --received")
    func fastPathLateness() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/load.csv"
        #expect(
            runCLI(["generate", "--respondents", "200", "--out", path], addQuestionnaires: false)
                .status == .success)
        let loadTest = TestSupport.fixtures + "/load-test"
        let unknown = runCLI(
            ["rank", "--format", "json", "--from", path], questionnaires: loadTest)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(unknown.out.utf8)) as? [String: Any])
        #expect((object["late"] as? [String]) == [])
        #expect((object["notes"] as? [String])?.first == AnalysisInput.latenessUnknownNote)
    }

    @Test("demo shows one point in time: IT's late answer is counted and listed late, not missing")
    func demoOnePointInTime() {
        let result = runCLI(["demo"], addQuestionnaires: false)
        #expect(result.status == .success)
        #expect(result.out.contains("as it stood at the end of 2015-09-10"))
        let lines = result.out.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("  IT  Italy") && $0.contains("LATE") })
        #expect(!lines.contains { $0.hasPrefix("  IT  Italy") && $0.contains("missing") })
        #expect(
            result.out.contains("20 of 28 Member States answered, as of 2015-09-10T23:59:59+02:00.")
        )
        #expect(result.out.contains("On time 19, late 1, missing 8 of 28."))
    }

    @Test("A late answer counts unless --on-time-only, which falls back to the on-time one")
    func lateAnswers() {
        let s = [
            RankingTests.answer(1, "FR", [("alpha", 1)], day: 7, hour: 23),
            RankingTests.answer(2, "FR", [("bravo", 1)], day: 8, hour: 0),
            RankingTests.answer(3, "IT", [("charlie", 1)], day: 9),
        ]
        let all = Ranking(questionnaire: RankingTests.questionnaire, submissions: s)
        #expect(all.lateAnswers == ["FR", "IT"])
        #expect(RankingTests().rank(s)["bravo"]?.memberStates == 1)
        let onTime = RankingTests().rank(s, .init(onTimeOnly: true))
        #expect(onTime["alpha"]?.memberStates == 1)
        #expect(onTime["bravo"]?.memberStates == 0)
        #expect(onTime["charlie"]?.memberStates == 0)
        #expect(
            Ranking(
                questionnaire: RankingTests.questionnaire, submissions: s,
                options: .init(onTimeOnly: true)
            ).responded == ["FR"])
    }

    @Test(
        "Both meanings, one rule: a late answer came after the deadline's day; so did a late state's first"
    )
    func bothMeanings() throws {
        let q = try TestSupport.questionnaire()  // deadline 2015-09-07, Europe/Brussels
        let lastOnTime = try #require(DateTimeInput("2015-09-07T23:59:59+02:00")).resolve(
            in: q.timeZone)
        let firstLate = try #require(DateTimeInput("2015-09-08T00:00:00+02:00")).resolve(
            in: q.timeZone)
        #expect(!Lateness.isLateAnswer(received: lastOnTime, questionnaire: q))
        #expect(Lateness.isLateAnswer(received: firstLate, questionnaire: q))
        #expect(!Lateness.isLateMemberState(firstAnswer: lastOnTime, questionnaire: q))
        #expect(Lateness.isLateMemberState(firstAnswer: firstLate, questionnaire: q))
        // A state is judged by its first answer: on time, then resubmitted late, is on time;
        // its resubmission is still a late answer (history marks it, deadline lists it).
        let check = DeadlineCheck(
            questionnaire: q,
            answers: [
                "FR": FirstAndLastAnswer(first: (1, lastOnTime), last: (2, firstLate)),
                "DE": FirstAndLastAnswer(first: (3, firstLate), last: (3, firstLate)),
            ],
            today: try #require(CivilDate(iso: "2015-09-30")))
        #expect(check.onTime.map(\.memberState) == ["FR"])
        #expect(check.resubmittedLate.map(\.memberState) == ["FR"])
        #expect(check.late.map(\.memberState) == ["DE"])
    }
}
