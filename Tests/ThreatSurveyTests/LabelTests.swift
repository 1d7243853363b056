import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// What the reader sees: titles or the questionnaire's short labels, never ids.
@Suite("Threat labels in the report and the summary")
struct LabelTests {
    let folder: String
    let store: String
    let questionnaires: String

    init() throws {
        folder = try TestSupport.temporaryFolder()
        store = folder + "/store.sqlite"
        questionnaires = folder + "/questionnaires"
        try FileManager.default.copyItem(atPath: TestSupport.questionnaires, toPath: questionnaires)
    }

    /// Gives `firearms` the label `label` (JSON text) in the copied definition.
    func label(_ label: String) throws {
        let file = questionnaires + "/9396-1-15.json"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let old = "\"id\": \"firearms\","
        #expect(text.contains(old))
        try TestSupport.write(
            text.replacingOccurrences(of: old, with: old + " \"label\": \(label),"), to: file)
    }

    func submit() {
        for file in ["hu.csv", "pl.csv", "el.json", "es.json", "it.json"] {
            let result = runCLI(
                ["submit", TestSupport.fixture(file), "--received", "2015-09-01"], store: store,
                questionnaires: questionnaires)
            #expect(result.status == .success, "\(result.err)")
        }
    }

    @Test(
        "Report charts and tables show titles, or the label the questionnaire defines; the summary uses it"
    )
    func labels() throws {
        defer { TestSupport.cleanUp(folder) }
        submit()
        let plain = runCLI(
            ["report", "--today", "2015-09-30"], store: store, questionnaires: questionnaires)
        #expect(
            plain.out.contains("Illicit trafficking in firearms, ammunition and explosives</text>"))
        try label(#"{"en": "Firearms", "fr": "Armes à feu"}"#)
        let labelled = runCLI(
            ["report", "--today", "2015-09-30"], store: store, questionnaires: questionnaires)
        #expect(labelled.status == .success)
        #expect(labelled.out.contains(" Firearms</text>"))
        #expect(labelled.out.contains("<th class=\"v\">Firearms</th>"))
        let french = runCLI(
            ["summary", "--language", "fr"], store: store, questionnaires: questionnaires)
        #expect(french.out.lowercased().contains("«\u{00A0}armes à feu\u{00A0}»"))
        let english = runCLI(["summary"], store: store, questionnaires: questionnaires)
        #expect(english.out.contains("Firearms") || english.out.contains("firearms"))
    }

    @Test("A label that is not a string or an object of strings is an error with its line")
    func badLabel() throws {
        defer { TestSupport.cleanUp(folder) }
        try label("42")
        let result = runCLI(["questionnaires"], store: store, questionnaires: questionnaires)
        #expect(result.status == .dataError)
        #expect(result.err.contains("9396-1-15.json:"))
        #expect(result.err.contains("\"label\" is a string or an object"))
    }
}
