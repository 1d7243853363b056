import Foundation
import Testing

@testable import ThreatSurvey

/// A store written before schema 12 kept each streamed respondent as a submission of its
/// own: it is read through the one shape (each old row is one respondent's answer), counts
/// what the same answers count today, and a later file of the same respondents replaces them.
@Suite("Stores written before the one shape (schema 12)")
struct StoreBefore12Tests {
    let folder: String
    init() throws { folder = try TestSupport.temporaryFolder() }

    /// A generated consultation streamed into a new store, and the same answers written as an
    /// older threatsurvey kept them.
    func stores(respondents: Int) throws -> (new: Store, old: Store, q: Questionnaire, csv: String)
    {
        let q = try FastPathTests.benchQuestionnaire()
        var text = ""
        var generator = ConsultationGenerator(respondents: respondents, seed: 12)
        _ = generator.generate { text += $0 }
        let csv = folder + "/gen.csv"
        try TestSupport.write(text, to: csv)
        let received = try #require(CivilDate(year: 2026, month: 3, day: 1)).at(
            hour: 10, in: q.timeZone)
        let new = try Store(path: folder + "/new.sqlite")
        _ = try #require(
            try StreamingSubmitter(catalog: QuestionnaireCatalog(questionnaires: [q])).store(
                into: new, path: csv, name: "gen.csv", questionnaire: q, received: received))
        try StoreBefore12.write(
            StoreBefore12.answers(of: try new.submissions(questionnaire: q.id), questionnaire: q),
            name: "gen.csv", questionnaire: q, received: received, at: folder + "/old.sqlite",
            checksum: SHA256.hex(of: try TestSupport.bytes(csv)))
        return (new, try Store(path: folder + "/old.sqlite"), q, csv)
    }

    @Test(
        "An older store's one-row-per-respondent file counts as the one shape does: ranking, regions, report, history"
    )
    func readsTheSame() throws {
        defer { TestSupport.cleanUp(folder) }
        let (new, old, q, _) = try stores(respondents: 240)
        #expect(
            try old.db.query("PRAGMA user_version") { $0.int(0) }.first
                == Int64(Store.schemaVersion))
        let oldRows = try old.submissions(questionnaire: q.id)
        #expect(oldRows.count == 240)
        #expect(oldRows.allSatisfy { $0.response.respondent != nil && !$0.gathersRespondents })
        let today = try #require(CivilDate(year: 2026, month: 3, day: 31))
        let asOf = today.endOfDay(in: q.timeZone)
        let a = try CountedAnswers.load(store: new, questionnaire: q, asOf: asOf)
        let b = try CountedAnswers.load(store: old, questionnaire: q, asOf: asOf)
        #expect(a.aggregate.states == b.aggregate.states)
        #expect(Ranking(counted: a).json.serialized() == Ranking(counted: b).json.serialized())
        for grouping in Grouping.builtIn {
            #expect(
                RegionalBreakdown(counted: a, grouping: grouping).document().json.serialized()
                    == RegionalBreakdown(counted: b, grouping: grouping).document().json
                    .serialized())
        }
        let reportA = try ReportModel.load(
            store: new, questionnaire: q, grouping: .eurovoc, today: today, generated: Date())
        let reportB = try ReportModel.load(
            store: old, questionnaire: q, grouping: .eurovoc, today: today, generated: Date())
        #expect(reportA.heatMap == reportB.heatMap)
        #expect(reportA.provenance.map(\.counted) == reportB.provenance.map(\.counted))
        #expect(reportB.provenance.first?.respondents == 240)
        // Every old row is current; its mentions are counted for the "still defined?" check.
        let history = HistoryEntry.history(of: oldRows, questionnaire: q)
        #expect(history.allSatisfy { $0.status == "current" })
        let threat = try #require(reportA.ranking.threats.first).id
        #expect(
            try old.mentionCount(questionnaire: q.id, threat: threat)
                == (try new.mentionCount(questionnaire: q.id, threat: threat)))
    }

    @Test("The same file submitted again into an older store replaces every old row's answer")
    func laterFileReplaces() throws {
        defer { TestSupport.cleanUp(folder) }
        let (new, old, q, csv) = try stores(respondents: 120)
        let later = try #require(CivilDate(year: 2026, month: 3, day: 5)).at(
            hour: 10, in: q.timeZone)
        _ = try #require(
            try StreamingSubmitter(catalog: QuestionnaireCatalog(questionnaires: [q])).store(
                into: old, path: csv, name: "again.csv", questionnaire: q, received: later))
        let a = try CountedAnswers.load(store: new, questionnaire: q, asOf: nil)
        let b = try CountedAnswers.load(store: old, questionnaire: q, asOf: nil)
        #expect(a.aggregate.states == b.aggregate.states)
        let history = HistoryEntry.history(
            of: try old.submissions(questionnaire: q.id), questionnaire: q)
        let oldRows = history.filter { $0.submission.response.respondent != nil }
        #expect(oldRows.count == 120)
        #expect(oldRows.allSatisfy { $0.currentFor.isEmpty && !$0.supersededBy.isEmpty })
        // `show` asks the store about one old row: the later pack replaces it there too.
        for row in [oldRows[0], oldRows[119]] {
            let alone = try HistoryEntry.entry(of: row.submission, in: old, questionnaire: q)
            #expect(alone.status == row.status)
        }
        #expect(
            history.filter(\.submission.gathersRespondents).allSatisfy { $0.status == "current" })
    }

    @Test("The same file submitted again after the upgrade is recognised as already stored")
    func sameBytesAcrossTheUpgrade() throws {
        defer { TestSupport.cleanUp(folder) }
        let (_, old, q, csv) = try stores(respondents: 60)
        let before = try old.submissions(questionnaire: q.id).count
        let receipts = try Submitter(catalog: QuestionnaireCatalog(questionnaires: [q])).submit(
            SubmitRequest(paths: [csv], questionnaire: q.id), into: old)
        #expect(!receipts.isEmpty && receipts.allSatisfy(\.alreadyStored))
        #expect(try old.submissions(questionnaire: q.id).count == before)
    }
}
