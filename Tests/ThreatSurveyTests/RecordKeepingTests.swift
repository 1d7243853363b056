import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// Duplicate files, joint answers behind regional signals, and a summary a word processor can take.
@Suite("Duplicates, joint-answer caveats and the summary as written to a file")
struct RecordKeepingTests {
    static let resources = TestSupport.root + "/Tests/ThreatSurveyTests/Resources/decisions/"
    let folder: String
    let store: String

    init() throws {
        folder = try TestSupport.temporaryFolder()
        store = folder + "/store.sqlite"
    }

    func historyCount() throws -> Int {
        let result = runCLI(["history", "--format", "json"], store: store)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        return try #require((object["submissions"] as? [Any])?.count)
    }

    @Test("The same bytes submitted again are recognised and not stored twice; --again stores them")
    func duplicateFile() throws {
        defer { TestSupport.cleanUp(folder) }
        let file = Self.resources + "five-delegations.csv"
        let first = runCLI(
            ["submit", file, "--questionnaire", "9396/1/15", "--received", "2015-09-01"],
            store: store)
        #expect(first.status == .success)
        #expect(try historyCount() == 5)
        let again = runCLI(
            ["submit", file, "--questionnaire", "9396/1/15", "--received", "2015-09-02"],
            store: store)
        #expect(again.status == .success)
        #expect(again.out.contains("five-delegations.csv: already stored as #1 (BE, same bytes"))
        #expect(again.out.contains("already stored as #5 (ES"))
        #expect(again.err.contains("0 submissions stored"))
        #expect(again.err.contains("5 already stored (same bytes), not stored again"))
        #expect(try historyCount() == 5)
        let json = runCLI(
            [
                "submit", file, "--questionnaire", "9396/1/15", "--received", "2015-09-02",
                "--format", "json",
            ],
            store: store)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let first5 = try #require((object["submissions"] as? [[String: Any]])?.first)
        #expect(first5["alreadyStored"] as? Int == 1)
        #expect(first5["stored"] as? Bool == false)
        let forced = runCLI(
            [
                "submit", file, "--questionnaire", "9396/1/15", "--received", "2015-09-02",
                "--again",
            ], store: store)
        #expect(forced.status == .success)
        #expect(forced.out.contains("supersedes #1 for BE"))
        #expect(try historyCount() == 10)
        // The same bytes under another delegation are another answer (prose needs --delegation).
        let prose = Self.resources + "se-negated.txt"
        #expect(
            runCLI(
                ["submit", prose, "--questionnaire", "9396/1/15", "--delegation", "SE"],
                store: store
            ).status == .success)
        let other = runCLI(
            ["submit", prose, "--questionnaire", "9396/1/15", "--delegation", "FI"], store: store)
        #expect(!other.out.contains("already stored"))
        #expect(try historyCount() == 12)
        // A voided copy does not count: the file can be submitted again after a void.
        #expect(
            runCLI(["void", "12", "--reason", "FI did not send this"], store: store).status
                == .success)
        let resubmitted = runCLI(
            ["submit", prose, "--questionnaire", "9396/1/15", "--delegation", "FI"], store: store)
        #expect(!resubmitted.out.contains("already stored"))
        #expect(try historyCount() == 13)
    }

    @Test("Regional signals resting on one joint answer of three Nordic states say so")
    func jointAnswerCaveat() throws {
        defer { TestSupport.cleanUp(folder) }
        for file in ["nordic-joint.json", "five-delegations.csv"] {
            #expect(
                runCLI(
                    [
                        "submit", Self.resources + file, "--questionnaire", "9396/1/15",
                        "--received", "2015-09-01",
                    ],
                    store: store
                ).status == .success)
        }
        let result = runCLI(["regions", "--format", "json"], store: store)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        let regions = try #require(object["regions"] as? [[String: Any]])
        let northern = try #require(regions.first { $0["id"] as? String == "northern" })
        let signals = try #require(northern["signals"] as? [[String: Any]])
        let vat = try #require(signals.first { $0["id"] as? String == "vat-fraud" })
        #expect(vat["restsOnOneJointAnswer"] as? Bool == true)
        #expect(vat["jointAnswer"] as? Int == 1)
        let table = runCLI(["regions"], store: store)
        #expect(table.out.contains("vat-fraud *"))
        #expect(table.out.contains("rests on one joint answer (#1)"))
        // Signals of independent answers carry no caveat.
        for region in regions {
            for signal in region["signals"] as? [[String: Any]] ?? []
            where signal["id"] as? String != "vat-fraud" {
                #expect(signal["restsOnOneJointAnswer"] as? Bool == false)
            }
        }
    }

    @Test("summary into a pipe or file is one line per paragraph; guillemets keep their words")
    func summaryNotWrapped() throws {
        defer { TestSupport.cleanUp(folder) }
        for file in ["hu.csv", "pl.csv", "el.json", "es.json", "it.json"] {
            #expect(
                runCLI(
                    ["submit", TestSupport.fixture(file), "--received", "2015-09-01"], store: store
                ).status == .success)
        }
        let english = runCLI(["summary"], store: store)
        #expect(english.status == .success)
        #expect(english.out.count > 100)
        #expect(english.out.hasSuffix("\n"))
        #expect(!english.out.dropLast().contains("\n"))
        let french = runCLI(["summary", "--language", "fr"], store: store)
        #expect(!french.out.dropLast().contains("\n"))
        #expect(french.out.contains("«\u{00A0}"))
        #expect(french.out.contains("\u{00A0}»"))
        #expect(!french.out.contains("« "))
        #expect(!french.out.contains(" »"))
    }
}
