import Foundation
import Testing

@testable import ThreatSurvey

@Suite("Office workbooks")
struct WorkbookTests {
    static let corpus = ZipFixture.resource("office-corpus/xlsx")

    static var corpusFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).filter { $0.hasSuffix(".xlsx") }.sorted()
    }

    func read(_ name: String) throws -> Workbook {
        try Workbook.read(bytes: TestSupport.bytes(ZipFixture.resource("office/" + name)))
    }

    func rows(_ workbook: Workbook, _ sheet: String) throws -> [[String]] {
        try #require(workbook.sheet(named: sheet)).grid.rows
    }

    func readError(_ name: String) throws -> WorkbookError? {
        do {
            _ = try read(name)
            return nil
        } catch let error as WorkbookError { return error }
    }

    // MARK: - The Apache POI corpus, against openpyxl

    /// Cells where this reader deliberately differs from openpyxl: Excel's `_x000D_` escape
    /// (ECMA-376 22.9.2.19) is decoded to the carriage return Excel shows; openpyxl keeps it.
    static let deliberateDifferences: [String: String] = [
        "60289.xlsx TABLE 2,2": "Rich Text\r\nTest"
    ]

    @Test("The corpus has its twelve workbooks")
    func corpusPresent() {
        #expect(Self.corpusFiles.count == 12)
    }

    @Test("Every corpus workbook reads, with openpyxl's sheets and cells", arguments: corpusFiles)
    func corpusAgrees(file: String) throws {
        let expectedData = try #require(FileManager.default.contents(atPath: Self.corpus + "/expected.json"))
        let all = try #require(try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])
        let expected = try #require(all[file] as? [String: Any])
        let expectedSheets = try #require(expected["sheets"] as? [[String: Any]])
        let workbook = try Workbook.read(bytes: TestSupport.bytes(Self.corpus + "/" + file))
        #expect(workbook.sheets.map(\.name) == expectedSheets.compactMap { $0["name"] as? String })
        for (sheet, want) in zip(workbook.sheets, expectedSheets) {
            let cells = try #require(want["cells"] as? [String: [String: Any]])
            var seen = 0
            for (place, value) in cells {
                let parts = place.split(separator: ",").compactMap { Int($0) }
                let (row, column) = (parts[0], parts[1])
                let got = row <= sheet.grid.rows.count && column <= sheet.grid.rows[row - 1].count
                    ? sheet.grid.rows[row - 1][column - 1] : ""
                let label = "\(file) \(sheet.name) \(place)"
                seen += 1
                if let text = Self.deliberateDifferences[label] {
                    #expect(got == text, "\(label)")
                } else if let number = value["num"] as? Double {
                    #expect(Double(got) == number, "\(label): \(got) vs \(number)")
                } else if let text = value["str"] as? String {
                    #expect(got == text, "\(label)")
                } else if let flag = value["bool"] as? Bool {
                    #expect(got == (flag ? "TRUE" : "FALSE"), "\(label)")
                } else if let date = value["date"] as? String {
                    #expect(got == String(date.prefix(10)), "\(label)")
                } else {
                    Issue.record("\(label): unexpected kind \(value)")
                }
            }
            // And nothing openpyxl does not see.
            let ours = sheet.grid.rows.reduce(0) { $0 + $1.filter { !$0.isEmpty }.count }
            #expect(ours == seen, "\(file) \(sheet.name): \(ours) non-blank cells, openpyxl \(seen)")
        }
    }
}
