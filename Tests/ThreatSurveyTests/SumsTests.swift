import Foundation
import Testing

@testable import ThreatSurvey

/// Sums: the streamed submit keeps what the file says, the fast path takes large
/// questionnaires, a failed streamed submit leaves nothing behind, sums never trap, and an
/// answer naming no threat counts as an answer.
@Suite("Sums: streamed submit, fast path, stored sums")
struct SumsTests {
    let folder: String

    init() throws {
        folder = try TestSupport.temporaryFolder()
    }

    /// A questionnaire of `threats` threats `threat-1` … with the EU roster.
    static func wide(_ threats: Int) throws -> Questionnaire {
        Questionnaire(
            id: "WIDE/1/26", title: "Wide",
            issued: try #require(CivilDate(year: 2026, month: 1, day: 5)),
            deadline: try #require(CivilDate(year: 2026, month: 3, day: 31)),
            timeZone: try #require(TimeZone(identifier: "Europe/Brussels")),
            threats: (1...threats).map { Threat(id: "threat-\($0)", title: "Threat \($0)") })
    }

    /// A long CSV with respondents: respondent 1 of FR gives `threat-<last>` priority
    /// `special`; then `respondents` more respondents with 4 rows each (≈ 23 bytes a row).
    static func longCSV(respondents: Int, threats: Int, special: Int, insert: String? = nil)
        -> String
    {
        var text = "delegation,respondent,threat,priority\n"
        text += "FR,R0000001,threat-\(threats),\(special)\nFR,R0000001,threat-1,2\n"
        let states = ["FR", "DE", "IT", "PL", "ES"]
        for r in 2..<(respondents + 2) {
            let id = "R" + String(repeating: "0", count: 7 - String(r).count) + String(r)
            for k in 0..<4 {
                text += "\(states[r % 5]),\(id),threat-\((r + k * 7) % threats + 1),\(k + 1)\n"
            }
            if r == respondents / 2, let insert { text += insert }
        }
        return text
    }

    @Test(
        "A streamed submit keeps priority 1000 (the maximum) whole, and leaves 70000 to the general reader, which refuses it"
    )
    func streamedWidePriority() throws {
        defer { TestSupport.cleanUp(folder) }
        let q = try Self.wide(20)
        let path = folder + "/big.csv"
        try TestSupport.write(
            Self.longCSV(respondents: 100_000, threats: 20, special: 1000), to: path)
        let size = try #require(
            try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)
        #expect(size.intValue >= StreamingSubmitter.threshold)
        let storePath = folder + "/s.sqlite"
        let receipt = try #require(
            try StreamingSubmitter(catalog: QuestionnaireCatalog(questionnaires: [q])).submit(
                SubmitRequest(paths: [path], questionnaire: q.id), existing: { nil },
                create: { () throws(SurveyError) in try Store(path: storePath) })?.first)
        // One submission per Member State, its respondents' answers inside.
        #expect(receipt.submissions.count == receipt.memberStates.count)
        #expect(receipt.respondents == 100_001)
        let store = try Store(path: storePath)
        let submission = try #require(try store.submission(id: receipt.submissions.lowerBound))
        let first = try #require(submission.response.respondents.first)
        #expect(first.respondent == "R0000001")
        #expect(first.priority(of: "threat-20") == 1000)
        #expect(first.priority(of: "threat-1") == 2)
        // Past Priority.maximum the fast path declines (nothing stored) and the general reader
        // refuses the value with its position: never 4464, never a trap.
        let wide = folder + "/wide.csv"
        try TestSupport.write(
            Self.longCSV(respondents: 100_000, threats: 20, special: 70000), to: wide)
        let other = folder + "/t.sqlite"
        #expect(
            try StreamingSubmitter(catalog: QuestionnaireCatalog(questionnaires: [q])).submit(
                SubmitRequest(paths: [wide], questionnaire: q.id), existing: { nil },
                create: { () throws(SurveyError) in try Store(path: other) }) == nil)
        #expect(!FileManager.default.fileExists(atPath: other))
    }

    @Test("A streamed submit of a file the fast path declines leaves no new store behind")
    func declinedLeavesNoStore() throws {
        defer { TestSupport.cleanUp(folder) }
        let q = try Self.wide(20)
        let path = folder + "/bad.csv"
        try TestSupport.write(
            Self.longCSV(
                respondents: 100_000, threats: 20, special: 3,
                insert: "FR,R9999999,no such threat,1\n"),
            to: path)
        let storePath = folder + "/s.sqlite"
        let receipt = try StreamingSubmitter(catalog: QuestionnaireCatalog(questionnaires: [q]))
            .submit(
                SubmitRequest(paths: [path], questionnaire: q.id), existing: { nil },
                create: { () throws(SurveyError) in try Store(path: storePath) })
        #expect(receipt == nil)
        #expect(!FileManager.default.fileExists(atPath: storePath))
        #expect(!FileManager.default.fileExists(atPath: storePath + "-wal"))
    }

    @Test(
        "A questionnaire of 300 threats: the fast path sums and streams threat 300 (no UInt8 trap)")
    func threeHundredThreats() throws {
        defer { TestSupport.cleanUp(folder) }
        let q = try Self.wide(300)
        let path = folder + "/wide.csv"
        try TestSupport.write(Self.longCSV(respondents: 50, threats: 300, special: 5), to: path)
        guard
            case .aggregated(let aggregate, _) = try LongCSVAggregator.aggregate(
                path: path, questionnaire: q)
        else {
            Issue.record("the fast path declined a plain file")
            return
        }
        #expect(aggregate.states["FR"]?.mentions[299] == 1)
        let store = try Store(path: folder + "/s.sqlite")
        let receipt = try #require(
            try StreamingSubmitter(catalog: QuestionnaireCatalog(questionnaires: [q])).store(
                into: store, path: path, questionnaire: q, received: Date()))
        let submission = try #require(try store.submission(id: receipt.submissions.lowerBound))
        #expect(submission.response.respondents.first?.priority(of: "threat-300") == 5)
    }

    @Test("Absurd stored sums and priorities saturate instead of trapping")
    func saturation() {
        var sums = MentionAggregate.StateSums(threats: 2)
        sums.prioritySum[0] = Int.max - 1
        sums.answers = Int.max
        sums.add(sums)
        #expect(sums.prioritySum[0] == Int.max)
        #expect(sums.answers == Int.max)
        let priorities: [Int32] = [Int32.max, 5]
        sums.addAnswer(priorities: priorities)
        #expect(sums.prioritySum[0] == Int.max)
        #expect(sums.prioritySum[1] == 5)
        // Clamped to the maximum, threat 0 ranks after threat 1 (priority 5 comes first).
        #expect(sums.firsts[1] == 1 && sums.firsts[0] == 0)
    }

    @Test("An answer naming no threat counts as an answer but mentions nothing")
    func answerNamingNoThreat() {
        var sums = MentionAggregate.StateSums(threats: 3)
        let none: [Int32] = [-1, -1, -1]
        sums.addAnswer(priorities: none)
        #expect(sums.answers == 1)
        #expect(sums.mentions == [0, 0, 0])
        #expect(sums.borda == [0, 0, 0])
    }

}
