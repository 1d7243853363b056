import Foundation
import Testing

@testable import ThreatSurvey

/// Limits, hostile input and concurrent writers.
@Suite("Hardening")
struct HardeningTests {
    let folder: String
    init() throws { folder = try TestSupport.temporaryFolder() }

    @Test("A field longer than 1 MiB is an error at its place, not a crash or a silent cut")
    func longField() throws {
        defer { TestSupport.cleanUp(folder) }
        let text =
            "delegation,threat,comment\nFR,drugs,\"" + String(repeating: "x", count: (1 << 20) + 10)
            + "\"\n"
        let problems = TestSupport.problems(text, questionnaire: try TestSupport.questionnaire())
        #expect(
            problems.map(\.description).contains {
                $0.hasPrefix("answer.csv:2:10: error: field longer than 1 MiB")
            })
    }

    @Test("JSON nested deeper than 64 levels is refused at the place it goes too deep")
    func deepJSON() throws {
        defer { TestSupport.cleanUp(folder) }
        let text = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        let problems = TestSupport.problems(
            text, name: "deep.json", questionnaire: try TestSupport.questionnaire())
        #expect(
            problems.map(\.description) == ["deep.json:1:65: error: nesting deeper than 64 levels"])
    }

    @Test("A file over the size limit is refused before it is read")
    func hugeFile() throws {
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/huge.json"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(AnswerFile.maximumBytes) + 1)  // sparse: no disk used
        try handle.close()
        do {
            _ = try Submitter.readFromDisk(path)
            Issue.record("expected refusal")
        } catch {
            #expect(error.exitStatus == .dataError)
            #expect(error.description.contains("larger than the 256 MiB"))
        }
    }

    @Test("SQL text in answers is stored as text, never run")
    func sqlText() throws {
        defer { TestSupport.cleanUp(folder) }
        let store = try Store(path: folder + "/s.sqlite")
        let path = folder + "/x.csv"
        try TestSupport.write(
            "delegation,threat,comment\nFR,drugs,\"'); DROP TABLE submissions; --\"\n", to: path)
        _ = try Submitter(catalog: try TestSupport.catalog()).submit(
            SubmitRequest(paths: [path], questionnaire: "9396/1/15"), into: store)
        let stored = try store.submissions()
        #expect(stored.first?.response.mentions.first?.comment == "'); DROP TABLE submissions; --")
    }

    @Test("Eight processes submitting into one store at once: every submission lands, in order")
    func concurrentSubmitters() throws {
        defer { TestSupport.cleanUp(folder) }
        let binary = try #require(EndToEndTests.binary)
        let store = folder + "/shared.sqlite"
        let states = ["BE", "BG", "CZ", "DK", "DE", "EE", "IE", "EL"]
        var launches: [[String]] = []
        for (i, state) in states.enumerated() {
            let path = folder + "/\(state).csv"
            let rows = (0..<200).map {
                "\(state),\(["drugs", "firearms", "vat-fraud", "excise-fraud"][$0 % 4]),\($0 % 9 + 1),row \($0)"
            }
            try TestSupport.write(
                "delegation,threat,priority,comment\n" + rows.joined(separator: "\n") + "\n",
                to: path)
            launches.append([
                "submit", path, "--store", store, "--questionnaires", TestSupport.questionnaires,
                "--questionnaire", "9396/1/15",
                "--received", "2015-09-0\(i + 1)T10:00",
            ])
        }
        // All eight run at once; each one's standard error is read as it comes, so none can
        // block on a full pipe while holding the store's lock.
        let children = try launches.map {
            try ChildProcess.start(binary, $0, stdout: .handle(FileHandle.nullDevice))
        }
        let results = children.map { $0.wait() }
        let messages = results.map(\.errText)
        #expect(results.allSatisfy { $0.status == 0 }, "\(messages)")
        #expect(!messages.joined().contains("locked"))
        let all = try Store(path: store).submissions()
        #expect(all.count == 8)
        #expect(all.map(\.delegation) == states)  // received order
        #expect(all.allSatisfy { $0.response.mentions.count == 200 })
        #expect(try Store(path: store).db.query("PRAGMA integrity_check") { $0.text(0) } == ["ok"])
    }
}

extension HardeningTests {
    @Test(
        "A file of thousands of unknown names: the first 100 listed, the rest counted, suggestions for the first 100"
    )
    func garbageNames() throws {
        defer { TestSupport.cleanUp(folder) }
        let rows = (0..<3000).map { "Xyzland\($0),Frearms\($0)" }
        let problems = TestSupport.problems(
            "delegation,threat\n" + rows.joined(separator: "\n") + "\n",
            questionnaire: try TestSupport.questionnaire())
        // Each row: an unknown Member State and an unknown threat; 6000 in all.
        #expect(problems.filter { $0.severity == .error }.count == Diagnostic.listedPerFile + 1)
        #expect(
            problems.last?.message
                == "and 5900 more problems in this file (the first 100 are listed)")
        #expect(problems.filter { $0.suggestion != nil }.count <= ParseContext.suggestionLimit)
        // Misspellings that do have a suggestion: the first ones get it, the rest do not
        // (so the bound is really reached, not passed with none).
        let near = (0..<3000).map { _ in "Frnace,frearms" }
        let misspelt = TestSupport.problems(
            "delegation,threat\n" + near.joined(separator: "\n") + "\n",
            questionnaire: try TestSupport.questionnaire())
        let suggested = misspelt.filter { $0.suggestion != nil }.count
        #expect(suggested > 0)
        #expect(suggested == min(Diagnostic.listedPerFile, ParseContext.suggestionLimit))
    }
}
