import Foundation
import Testing

@testable import ThreatSurvey

/// Issue 11: one line of delimiters (`a,a,a,…`) held every field of the line in memory
/// (25 million strings for 50 MB); a record now keeps at most
/// ``CSVReader/maximumFieldsPerRecord`` fields and the rest is reported once.
@Suite("Wide records")
struct WideRecordTests {
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
}
