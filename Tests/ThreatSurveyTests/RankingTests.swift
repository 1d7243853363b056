import Foundation
import Testing

@testable import ThreatSurvey

/// Hand-computed rankings of small answer sets written for the purpose.
@Suite("Ranking")
struct RankingTests {
    /// A five-threat questionnaire, EU-28 roster (deadline 2015-09-07, Brussels).
    static let questionnaire: Questionnaire = {
        guard let issued = CivilDate(year: 2015, month: 7, day: 1),
            let deadline = CivilDate(year: 2015, month: 9, day: 7),
            let zone = TimeZone(identifier: "Europe/Brussels")
        else { fatalError("the test questionnaire's dates or zone are invalid") }
        return Questionnaire(
            id: "T/1/15", title: "Test", issued: issued,
            deadline: deadline,
            timeZone: zone,
            threats: ["alpha", "bravo", "charlie", "delta", "echo"].map {
                Threat(id: $0, title: $0.capitalized)
            })
    }()

    /// A submission from `delegation` with `(threat, priority)` mentions, received on a day of
    /// September 2015 at `hour` Brussels time.
    static func answer(
        _ id: Int64, _ delegation: String, _ mentions: [(String, Int?)], day: Int = 1,
        hour: Int = 12,
        cosignatories: [String] = [], respondent: String? = nil
    ) -> Submission {
        guard let date = CivilDate(year: 2015, month: 9, day: day) else {
            fatalError("no day \(day) in September 2015")
        }
        let received = date.at(hour: hour, in: questionnaire.timeZone)
        return Submission(
            id: id, questionnaire: "T/1/15", received: received, sourceFile: "\(id).json",
            format: .json,
            encoding: "UTF-8", delimiter: nil, checksum: "", fileID: id,
            response: Response(
                delegation: delegation, cosignatories: cosignatories, respondent: respondent,
                mentions: mentions.map { Mention(threat: $0.0, priority: $0.1) }),
            warnings: [])
    }

    func rank(_ submissions: [Submission], _ options: RankingOptions = .init()) -> [String:
        RankedThreat]
    {
        Dictionary(
            uniqueKeysWithValues: Ranking(
                questionnaire: Self.questionnaire, submissions: submissions, options: options
            ).threats.map { ($0.id, $0) })
    }

    func order(_ submissions: [Submission], _ options: RankingOptions = .init()) -> [String] {
        Ranking(questionnaire: Self.questionnaire, submissions: submissions, options: options)
            .threats
            .map { "\($0.rankLabel) \($0.id)" }
    }

    @Test("Counts, competition ranks, ties broken by mean priority then id, unmentioned last")
    func countsAndTies() {
        let s = [
            Self.answer(1, "FR", [("alpha", 2), ("bravo", 1), ("charlie", nil)]),
            Self.answer(2, "DE", [("alpha", 1), ("bravo", 2)]),
            Self.answer(3, "IT", [("charlie", 1), ("delta", nil)]),
        ]
        // alpha 2 MS (mean 1.5), bravo 2 MS (mean 1.5), charlie 2 MS (mean 1.0), delta 1, echo 0.
        #expect(order(s) == ["=1 charlie", "=1 alpha", "=1 bravo", "4 delta", "5 echo"])
        let r = rank(s)
        #expect(r["alpha"]?.memberStates == 2)
        #expect(r["alpha"]?.share == 2.0 / 3.0)
        #expect(r["alpha"]?.mentionedBy == ["DE", "FR"])
        #expect(r["charlie"]?.meanPriority == 1.0)
        #expect(r["delta"]?.meanPriority == nil)
        #expect(r["echo"]?.memberStates == 0)
        #expect(r["bravo"]?.firstPreferences == 1)
        #expect(r["charlie"]?.firstPreferences == 1)
    }

    @Test("Threats with no priority come after those with one at equal counts")
    func unprioritisedAfter() {
        let s = [
            Self.answer(1, "FR", [("alpha", nil), ("bravo", 5)]),
            Self.answer(2, "DE", [("alpha", nil), ("bravo", nil)]),
        ]
        #expect(order(s).prefix(2) == ["=1 bravo", "=1 alpha"])
    }

    @Test("Borda points with tied and missing priorities (T = 5)")
    func borda() {
        let s = [
            // positions: alpha 1 → 4; bravo, charlie tied at 2,3 → 2.5 each → 2.5; delta (none) 4 → 1.
            Self.answer(1, "FR", [("alpha", 1), ("bravo", 2), ("charlie", 2), ("delta", nil)]),
            // unprioritised alpha, echo tied at positions 1,2 → 3.5 each.
            Self.answer(2, "DE", [("alpha", nil), ("echo", nil)]),
        ]
        let r = rank(s, .init(method: .borda))
        #expect(r["alpha"]?.bordaPoints == 7.5)
        #expect(r["bravo"]?.bordaPoints == 2.5)
        #expect(r["charlie"]?.bordaPoints == 2.5)
        #expect(r["delta"]?.bordaPoints == 1)
        #expect(r["echo"]?.bordaPoints == 3.5)
        #expect(
            order(s, .init(method: .borda)) == [
                "1 alpha", "2 echo", "=3 bravo", "=3 charlie", "5 delta",
            ])
    }

    @Test("A joint answer counts once for each cosignatory, in mean priority and Borda too")
    func jointAnswer() {
        let s = [
            Self.answer(1, "BE", [("alpha", 1), ("bravo", 3)], cosignatories: ["LU", "NL"]),
            Self.answer(2, "FR", [("bravo", 1)]),
        ]
        let ranking = Ranking(questionnaire: Self.questionnaire, submissions: s)
        #expect(ranking.responded == ["BE", "FR", "LU", "NL"])
        let r = rank(s)
        #expect(r["alpha"]?.memberStates == 3)
        #expect(r["alpha"]?.mentionedBy == ["BE", "LU", "NL"])
        #expect(r["bravo"]?.memberStates == 4)
        #expect(r["bravo"]?.meanPriority == 2.5)  // (3 + 3 + 3 + 1) / 4
        #expect(r["alpha"]?.bordaPoints == 12)  // 3 × (5 − 1)
    }

    @Test("A resubmission replaces the earlier answer; --as-of before and after it")
    func resubmissionAndAsOf() {
        let s = [
            Self.answer(1, "FR", [("alpha", 1)], day: 2),
            Self.answer(2, "FR", [("bravo", 1)], day: 5),
            Self.answer(3, "DE", [("alpha", 1)], day: 4),
        ]
        #expect(rank(s)["alpha"]?.memberStates == 1)
        #expect(rank(s)["bravo"]?.memberStates == 1)
        let before = CivilDate(year: 2015, month: 9, day: 4)!.endOfDay(
            in: Self.questionnaire.timeZone)
        let asOf = rank(s, .init(asOf: before))
        #expect(asOf["alpha"]?.memberStates == 2)
        #expect(asOf["bravo"]?.memberStates == 0)
        let early = CivilDate(year: 2015, month: 9, day: 1)!.endOfDay(
            in: Self.questionnaire.timeZone)
        #expect(
            Ranking(questionnaire: Self.questionnaire, submissions: s, options: .init(asOf: early))
                .responded.isEmpty)
    }

    @Test("States outside the roster are not counted")
    func outsideRoster() {
        let q2021 = Questionnaire(
            id: "T/2/21", title: "T", issued: CivilDate(year: 2021, month: 1, day: 1)!,
            deadline: CivilDate(year: 2021, month: 3, day: 1)!,
            timeZone: Self.questionnaire.timeZone,
            threats: Self.questionnaire.threats)
        let ranking = Ranking(
            questionnaire: q2021,
            submissions: [
                Self.answer(1, "UK", [("alpha", 1)]), Self.answer(2, "IE", [("alpha", 1)]),
            ])
        #expect(ranking.roster.count == 27)
        #expect(ranking.responded == ["IE"])
        #expect(ranking.threats.first?.memberStates == 1)
    }

    @Test("Respondents: each respondent's latest answer, counted per state and per respondent")
    func respondents() {
        let s = [
            Self.answer(1, "DE", [("alpha", 1)], respondent: "R1"),
            Self.answer(2, "DE", [("alpha", 3), ("bravo", 1)], respondent: "R2"),
            Self.answer(3, "FR", [("alpha", 2)], respondent: "R3"),
            Self.answer(4, "DE", [("charlie", 1)], day: 2, respondent: "R1"),
        ]
        let ranking = Ranking(questionnaire: Self.questionnaire, submissions: s)
        #expect(ranking.respondents == 3)
        let r = rank(s)
        #expect(r["alpha"]?.memberStates == 2)
        #expect(r["alpha"]?.respondents == 2)  // R2 and R3; R1 now names charlie
        #expect(r["alpha"]?.meanPriority == 2.5)  // (3 + 2) / 2
    }

    @Test("The ranking does not depend on the order of submissions or of rows", arguments: 0..<5)
    func orderIndependence(seed: Int) {
        var s = [
            Self.answer(1, "FR", [("alpha", 2), ("bravo", 1), ("charlie", nil)]),
            Self.answer(2, "DE", [("charlie", 1), ("alpha", 1)]),
            Self.answer(3, "IT", [("delta", nil), ("charlie", 1)]),
            Self.answer(4, "FR", [("echo", 1), ("alpha", 2)], day: 3),
        ]
        let expected = Ranking(questionnaire: Self.questionnaire, submissions: s).json
        var generator = SeededGenerator(seed: UInt64(seed))
        s.shuffle(using: &generator)
        for i in s.indices { s[i].response.mentions.shuffle(using: &generator) }
        #expect(Ranking(questionnaire: Self.questionnaire, submissions: s).json == expected)
    }
}

/// A deterministic generator for shuffles in tests.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
