import Foundation
import Testing

@testable import ThreatSurvey

/// The input limits: each refuses at its place instead of crashing, cutting silently or
/// holding everything in memory.
///
/// Issue 11: one line of delimiters (`a,a,a,…`) held every field of the line in memory
/// (25 million strings for 50 MB); a record now keeps at most
/// ``CSVReader/maximumFieldsPerRecord`` fields and the rest is reported once. Fields stop at
/// 1 MiB, JSON at 64 levels, files at 256 MiB, and a file's problems at the first 100 listed.
@Suite("Input limits: record width, field length, nesting, file size, problems listed")
struct InputLimitTests {
    /// `count` fields `a` on one line: 2 × `count` bytes.
    func line(fields count: Int) -> String {
        var text = String(repeating: "a,", count: count - 1)
        text += "a\n"
        return text
    }

    @Test("A 4 MB line of 2 million fields keeps 10,000 and reports the first one past the limit")
    func readerStopsAtTheLimit() {
        let result = CSVReader.records(
            in: Array(line(fields: 2_000_000).utf8), delimiter: UInt8(ascii: ","))
        #expect(result.records.count == 1)
        #expect(result.records.first?.fields.count == CSVReader.defaultMaximumFieldsPerRecord)
        #expect(
            result.problems == [
                CSVReader.Problem(kind: .tooManyFields, line: 1, column: 2 * 10_000 + 1)
            ])
    }

    @Test("The limit is per record: the next line is read whole and reported on its own")
    func limitIsPerRecord() {
        var reader = CSVReader(delimiter: UInt8(ascii: ";"))
        reader.maximumFieldsPerRecord = 3
        var records: [CSVRecord] = []
        let bytes = Array("a;b;c;d;e\nf;g\nh;i;j;k\n".utf8)
        bytes.withUnsafeBufferPointer { reader.feed($0) { records.append($0) } }
        reader.finish { records.append($0) }
        #expect(records.map(\.fields) == [["a", "b", "c"], ["f", "g"], ["h", "i", "j"]])
        #expect(
            reader.problems == [
                CSVReader.Problem(kind: .tooManyFields, line: 1, column: 7),
                CSVReader.Problem(kind: .tooManyFields, line: 3, column: 7),
            ])
    }

    @Test("submit refuses a file with a record wider than the limit, at its position")
    func answerFileError() throws {
        let text = "delegation,threat,priority\n" + line(fields: 1_500_000)
        let problems = TestSupport.problems(
            text, name: "wide.csv", questionnaire: try TestSupport.questionnaire())
        // Said alone: not buried under an error for each of the 10,000 columns kept.
        #expect(
            problems.map(\.description) == [
                "wide.csv:2:20001: error: more than 10000 fields in one record; the rest of the line is "
                    + "ignored (an answer has one column per threat or question)"
            ])
    }

    @Test("A field longer than 1 MiB is an error at its place, not a crash or a silent cut")
    func longField() throws {
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
        let text = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        let problems = TestSupport.problems(
            text, name: "deep.json", questionnaire: try TestSupport.questionnaire())
        #expect(
            problems.map(\.description) == ["deep.json:1:65: error: nesting deeper than 64 levels"])
    }

    @Test("A file over the size limit is refused before it is read")
    func hugeFile() throws {
        let folder = try TestSupport.temporaryFolder()
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

    @Test(
        "A file of thousands of unknown names: the first 100 listed, the rest counted, suggestions for the first 100"
    )
    func garbageNames() throws {
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
