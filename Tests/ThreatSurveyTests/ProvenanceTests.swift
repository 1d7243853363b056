import Foundation
import Testing

@testable import ThreatSurvey

/// The report's provenance: one row per file, whatever its size, with its answer count;
/// per-respondent detail stays in `history` and `show`.
@Suite("Provenance")
struct ProvenanceTests {
    let folder: String
    init() throws { folder = try TestSupport.temporaryFolder() }

    /// `respondents` generated respondents (seed 5: the first n of a larger run are the same).
    func generated(_ respondents: Int, name: String) throws -> String {
        var text = ""
        var generator = ConsultationGenerator(respondents: respondents, seed: 5)
        _ = generator.generate { text += $0 }
        let path = folder + "/" + name
        try TestSupport.write(text, to: path)
        return path
    }

    func model(_ store: Store, _ q: Questionnaire) throws -> ReportModel {
        try ReportModel.load(
            store: store, questionnaire: q, grouping: .eurovoc,
            today: try #require(CivilDate(year: 2026, month: 3, day: 31)), generated: Date())
    }

    @Test("A file of respondents read whole is one row; a later file's answers supersede some")
    func loadedFileOfRespondents() throws {
        defer { TestSupport.cleanUp(folder) }
        let q = try FastPathTests.benchQuestionnaire()
        let store = try Store(path: folder + "/s.sqlite")
        let submitter = Submitter(catalog: QuestionnaireCatalog(questionnaires: [q]))
        let day = try #require(CivilDate(year: 2026, month: 3, day: 2))
        _ = try submitter.submit(
            SubmitRequest(
                paths: [try generated(50, name: "first.csv")], questionnaire: q.id,
                received: .date(day)), into: store)
        var rows = try model(store, q).provenance
        #expect(rows.count == 1)
        #expect(rows.first?.respondents == 50)
        #expect(rows.first?.answers == 50)
        #expect(rows.first?.counted == 50)
        #expect(rows.first?.status == "counted")
        // One submission per delegation, numbered from 1.
        let delegations = Set(try store.submissions(questionnaire: q.id).map(\.delegation))
        #expect(rows.first?.submissions == 1...Int64(delegations.count))
        // The same first 20 respondents answer again, a day later.
        _ = try submitter.submit(
            SubmitRequest(
                paths: [try generated(20, name: "again.csv")], questionnaire: q.id,
                received: .date(day.next)), into: store)
        rows = try model(store, q).provenance
        #expect(rows.map(\.file) == ["first.csv", "again.csv"])
        #expect(rows.map(\.counted) == [30, 20])
        #expect(rows.first?.status == "30 of 50 counted; 20 superseded by later answers")
        #expect(rows.last?.who == "20 respondents")
    }

    @Test(
        "A streamed file is one row; files sharing respondents count what is current")
    func streamedFiles() throws {
        defer { TestSupport.cleanUp(folder) }
        let q = try FastPathTests.benchQuestionnaire()
        let store = try Store(path: folder + "/s.sqlite")
        let streaming = StreamingSubmitter(catalog: QuestionnaireCatalog(questionnaires: [q]))
        let day = try #require(CivilDate(year: 2026, month: 3, day: 2))
        for (respondents, name, received) in [(300, "all.csv", day), (100, "again.csv", day.next)] {
            #expect(
                try streaming.store(
                    into: store, path: try generated(respondents, name: name), name: name,
                    questionnaire: q, received: received.at(hour: 12, in: q.timeZone)) != nil)
        }
        let rows = try model(store, q).provenance
        #expect(rows.map(\.file) == ["all.csv", "again.csv"])
        #expect(rows.map(\.respondents) == [300, 100])
        #expect(rows.map(\.answers) == [300, 100])
        #expect(rows.map(\.counted) == [200, 100])
        #expect(rows.first?.status == "200 of 300 counted; 100 superseded by later answers")
        #expect(rows.first?.formatName == "csv-long")
        let first = try store.submissions(questionnaire: q.id).filter { $0.sourceFile == "all.csv" }
        #expect(rows.first?.numbers == "#1–#\(first.count)")
    }
}

extension ProvenanceTests {
    @Test(
        "The heat map reads the best priority from the sums kept with a streamed file's submissions"
    )
    func bestPriorityFromSums() throws {
        defer { TestSupport.cleanUp(folder) }
        let q = try FastPathTests.benchQuestionnaire()
        let store = try Store(path: folder + "/s.sqlite")
        let received = try #require(CivilDate(year: 2026, month: 3, day: 2)).at(
            hour: 12, in: q.timeZone)
        #expect(
            try StreamingSubmitter(catalog: QuestionnaireCatalog(questionnaires: [q])).store(
                into: store, path: try generated(200, name: "all.csv"), name: "all.csv",
                questionnaire: q, received: received) != nil)
        // The same answers read one by one give the same cells.
        let loaded = ReportModel(
            ReportInputs(
                questionnaire: q, submissions: try store.submissions(questionnaire: q.id),
                today: try #require(CivilDate(year: 2026, month: 3, day: 31)), generated: Date()))
        let streamed = try model(store, q)
        #expect(streamed.heatMap == loaded.heatMap)
        #expect(streamed.heatMap.cells.joined().contains(.priority(3)))
    }
}
