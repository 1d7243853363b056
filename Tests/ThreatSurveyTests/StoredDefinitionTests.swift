import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// A store that stands alone: the definitions its answers were validated against are kept in it.
@Suite("A store that stands alone: stored definitions, and a folder that disagrees")
struct StoredDefinitionTests {
    let folder: String
    let store: String

    init() throws {
        folder = try TestSupport.temporaryFolder()
        store = folder + "/store.sqlite"
    }

    func submitFixtures() {
        for file in ["hu.csv", "pl.csv", "el.json"] {
            #expect(
                runCLI(
                    ["submit", TestSupport.fixture(file), "--received", "2015-09-01"], store: store
                ).status == .success)
        }
    }

    @Test("history, rank and deadline run from another folder with no questionnaires folder")
    func fromAnotherFolder() throws {
        defer { TestSupport.cleanUp(folder) }
        submitFixtures()
        let opened = try Store(path: store, readOnly: true)
        let kept = try opened.latestDefinitions()
        #expect(kept.map(\.questionnaire) == ["9396/1/15"])
        #expect(kept.first?.name == "9396-1-15.json")
        let elsewhere = folder + "/elsewhere"
        try FileManager.default.createDirectory(
            atPath: elsewhere, withIntermediateDirectories: true)
        let binary = EndToEndTests()
        let history = try binary.run(["history", "--store", store], in: elsewhere)
        #expect(history.status == 0, "\(history.err)")
        #expect(history.out.contains("hu.csv"))
        let rank = try binary.run(["rank", "--store", store, "--format", "json"], in: elsewhere)
        #expect(rank.status == 0, "\(rank.err)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(rank.out.utf8)) as? [String: Any])
        #expect(object["questionnaire"] as? String == "9396/1/15")
        #expect(object["responded"] as? Int == 3)
        let deadline = try binary.run(
            ["deadline", "--store", store, "--today", "2015-09-30"], in: elsewhere)
        #expect(deadline.status == 0, "\(deadline.err)")
        #expect(deadline.out.contains("On time 3"))
        // A folder named on the command line must exist.
        let named = try binary.run(
            ["history", "--store", store, "--questionnaires", "nowhere"], in: elsewhere)
        #expect(named.status == 66)
    }

    @Test(
        "A threat id renamed in a copy of the questionnaires folder is an error naming it, the file and the store"
    )
    func renamedThreat() throws {
        defer { TestSupport.cleanUp(folder) }
        submitFixtures()
        let copy = folder + "/questionnaires"
        try FileManager.default.copyItem(atPath: TestSupport.questionnaires, toPath: copy)
        let file = copy + "/9396-1-15.json"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("\"id\": \"firearms\""))
        try TestSupport.write(
            text.replacingOccurrences(of: "\"id\": \"firearms\"", with: "\"id\": \"weapons\""),
            to: file)
        for command in [["rank"], ["history"], ["deadline"], ["regions"]] {
            let result = runCLI(command, store: store, questionnaires: copy)
            #expect(result.status == .dataError, "\(command)")
            #expect(
                result.err.contains(
                    "\(file): error: threat \"firearms\" of 9396/1/15 is not defined here"),
                "\(command)")
            #expect(result.err.contains(store), "\(command)")
            #expect(result.err.contains("9396-1-15.json, SHA-256"), "\(command)")
        }
        // The original folder agrees with the store.
        #expect(runCLI(["rank"], store: store).status == .success)
    }
}
