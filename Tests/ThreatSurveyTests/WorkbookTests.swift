import Foundation
import Testing

@testable import ThreatSurvey

@Suite("Office workbooks")
struct WorkbookTests {
    static let corpus = ZipFixture.resource("office-corpus/xlsx")

    static var corpusFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).filter {
            $0.hasSuffix(".xlsx")
        }.sorted()
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
        let expectedData = try #require(
            FileManager.default.contents(atPath: Self.corpus + "/expected.json"))
        let all = try #require(
            try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])
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
                let got =
                    row <= sheet.grid.rows.count && column <= sheet.grid.rows[row - 1].count
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
            #expect(
                ours == seen, "\(file) \(sheet.name): \(ours) non-blank cells, openpyxl \(seen)")
        }
    }
}

extension WorkbookTests {
    // MARK: - Our own files

    @Test(
        "openpyxl workbook: three sheets in order, inline strings, numbers, booleans, dates, times")
    func openpyxlWorkbook() throws {
        let workbook = try read("openpyxl-multi.xlsx")
        #expect(workbook.sheets.map(\.name) == ["Answers", "Notes", "Empty"])
        #expect(
            try rows(workbook, "Answers") == [
                ["threat", "rank", "score", "ok", "received"],
                ["cyber attacks", "1", "2.5", "TRUE", "2015-09-04"],
                ["terrorism", "2", "0.1", "FALSE", "2015-09-04 10:30:00"],
                ["cyber attacks", "3", "0.0000001", "", "10:30:15"],
                ["big", "12345678901234570000", "-3.75"],  // openpyxl wrote 1.234567890123457e+19
            ])
        #expect(
            try rows(workbook, "Notes") == [
                ["top"], ["", "Ünïcödé ✓ line\nbreak"], [], ["", "", "far away"],
            ])
        #expect(try rows(workbook, "Empty") == [])
        #expect(workbook.sheets[1].grid.addressing == .sheet(name: "Notes"))
    }

    @Test("The 1904 date system counts from 1904-01-01")
    func date1904() throws {
        #expect(try rows(read("date1904.xlsx"), "Mac") == [["2015-09-04"], ["42"]])
    }

    @Test(
        "Hand-written parts: formula values, errors, inline and rich strings, number formats, order"
    )
    func handmade() throws {
        let workbook = try read("handmade.xlsx")
        #expect(workbook.sheets.map(\.name) == ["Second", "Formulas"])  // workbook.xml order
        #expect(
            try rows(workbook, "Formulas") == [
                ["plain", "bold and plain", "東京", "tab\there & _x0041_"],
                ["2", "#DIV/0!", "ab", "TRUE"],
                ["first", "", "rich"],
                ["0.30000000000000004", "0.001", "0", "FALSE", "150000000000000000000"],
                [
                    "", "2015-09-04", "2015-09-04", "36:00:00", "3", "2015-09-04 10:30:00",
                    "2015-09-04",
                ],
            ])
        #expect(try rows(workbook, "Second") == [[], ["", "second sheet"]])
    }

    @Test("Prefixed SpreadsheetML (x:row) in an archive with data descriptors")
    func prefixed() throws {
        #expect(try rows(read("prefixed-descriptors.xlsx"), "Prefixed") == [["x prefix", "7"]])
    }

    @Test("OpenDocument: value types, paragraphs and spaces, repeats, covered cells, annotations")
    func ods() throws {
        let workbook = try read("answers.ods")
        #expect(workbook.sheets.map(\.name) == ["Answers", "Empty"])
        #expect(
            try rows(workbook, "Answers") == [
                ["threat", "rank"],
                ["cyber attacks\nsecond   para\ttab\nend", "1", "0.25", "1234.5"],
                ["2015-09-04", "2015-09-04 10:30:00", "10:30:15", "TRUE", "FALSE"],
                [], [], [],
                ["", "", "merged", "", "7", "7", "7"],
                ["twice"], ["twice"],
            ])
        #expect(try rows(workbook, "Empty") == [])
        #expect(
            try Workbook.readODS(
                bytes: TestSupport.bytes(ZipFixture.resource("office/answers.ods"))) == workbook)
    }

    @Test("1,048,576 repeated blank rows of 16,384 blank cells are counted, not materialized")
    func repeatedBlankRows() throws {
        let workbook = try read("repeated-rows.ods")
        #expect(try rows(workbook, "Sheet1") == [["only"]])
    }

    @Test("Repeated values beyond 5,000,000 cells are refused")
    func cellLimit() throws {
        let error = try #require(try readError("repeated-values.ods"))
        #expect(error.description.contains("5000000 cells"))
        #expect(Workbook.maximumCells == 5_000_000)
    }

    @Test("A zip bomb posing as a workbook is refused before it is inflated")
    func bombWorkbook() throws {
        guard case .archive(.limitExceeded(let limit, _)) = try readError("bomb.xlsx") else {
            Issue.record("bomb.xlsx was not refused by a limit")
            return
        }
        #expect(limit.contains("100:1"))
        guard case .archive(let forged) = try readError("bomb-forged-size.xlsx") else {
            Issue.record("bomb-forged-size.xlsx was not refused by the archive")
            return
        }
        #expect(forged.description.contains("xl/worksheets/sheet1.xml"))
    }

    @Test("A DOCTYPE in a sheet is refused, at its line, as a diagnostic naming the part")
    func doctypeWorkbook() throws {
        let error = try #require(try readError("doctype.xlsx"))
        guard case .xml(let part, let xml) = error else {
            Issue.record("expected an XML error, got \(error)")
            return
        }
        #expect(part == "xl/worksheets/sheet1.xml")
        #expect(xml.code == .doctypeRefused)
        #expect(
            error.diagnostic(file: "answers.xlsx").description
                == "answers.xlsx » xl/worksheets/sheet1.xml:2:1: error: document type declarations (<!DOCTYPE) are not accepted"
        )
    }

    // MARK: - Forged workbooks

    /// An .xlsx of one sheet named "S" whose `<sheetData>` is `sheetData`.
    static func xlsx(_ sheetData: String) -> [UInt8] {
        ZipFixture.make([
            .init(
                "xl/workbook.xml",
                #"<workbook xmlns:r="r"><sheets><sheet name="S" r:id="a"/></sheets></workbook>"#),
            .init(
                "xl/_rels/workbook.xml.rels",
                #"<Relationships><Relationship Id="a" Type="x/worksheet" Target="s.xml"/></Relationships>"#
            ),
            .init("xl/s.xml", "<worksheet>\n<sheetData>" + sheetData + "</sheetData></worksheet>"),
        ])
    }

    static func ods(_ table: String) -> [UInt8] {
        ZipFixture.make([
            .init("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
            .init(
                "content.xml",
                "<office:document-content><office:body><office:spreadsheet><table:table table:name=\"T\">\n"
                    + table
                    + "</table:table></office:spreadsheet></office:body></office:document-content>"),
        ])
    }

    func error(_ bytes: [UInt8]) -> WorkbookError? {
        do {
            _ = try Workbook.read(bytes: bytes)
            return nil
        } catch { return error }
    }

    @Test("Bad references, rows and shared strings are reported at their line and column")
    func malformedCells() throws {
        #expect(
            try Workbook.read(
                bytes: Self.xlsx(
                    #"<row><c r="XFD1048576" t="inlineStr"><is><t>last</t></is></c></row>"#)
            )
            .sheets[0].grid.rows.count == 1_048_576)
        let cases: [(String, String)] = [
            (#"<row><c r="XFE1"/></row>"#, "XFE1 is not a cell reference"),
            (#"<row><c r="A0"/></row>"#, "A0 is not a cell reference"),
            (#"<row r="1048577"/>"#, "row number 1048577"),
            (#"<row><c t="s"><v>3</v></c></row>"#, "shared string 3 does not exist"),
        ]
        for (data, message) in cases {
            guard case .malformed(let part, let line, let column, let text) = error(Self.xlsx(data))
            else {
                Issue.record("\(data) was not reported as malformed")
                continue
            }
            #expect(part == "xl/s.xml" && line == 2 && column > 11, "\(data)")
            #expect(text.contains(message), "\(text)")
        }
    }

    @Test("Runs of spaces longer than 1,000 and non-numeric repeats are refused")
    func odsLimits() throws {
        let ok = try Workbook.read(
            bytes: Self.ods(
                #"<table:table-row><table:table-cell><text:p>a<text:s text:c="1000"/>b</text:p></table:table-cell></table:table-row>"#
            ))
        #expect(ok.sheets[0].grid.rows[0][0].count == 1002)
        #expect(ODSContentReader.maximumSpaceRun == 1_000)
        let spaces = error(
            Self.ods(
                #"<table:table-row><table:table-cell><text:p>a<text:s text:c="1001"/></text:p></table:table-cell></table:table-row>"#
            ))
        #expect(spaces?.description.contains("1000 spaces") == true)
        let repeats = error(Self.ods(#"<table:table-row table:number-rows-repeated="-5"/>"#))
        #expect(repeats?.description.contains("not a positive count") == true)
        let far = error(
            Self.ods(
                #"<table:table-row table:number-rows-repeated="1048576"/><table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row>"#
            ))
        #expect(far?.description.contains("beyond row 1048576") == true)
    }

    @Test("Other documents, encrypted workbooks and non-zips are told apart")
    func notWorkbooks() throws {
        #expect(
            error(ZipFixture.make([.init("word/document.xml", "<w/>")]))
                == .notAWorkbook("a Word document"))
        #expect(
            error(ZipFixture.make([.init("mimetype", "application/vnd.oasis.opendocument.text")]))
                == .notAWorkbook("application/vnd.oasis.opendocument.text"))
        #expect(error(ZipFixture.make([.init("EncryptedPackage", "x")])) == .encrypted)
        #expect(
            error(
                ZipFixture.make([
                    .init("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
                    .init("META-INF/manifest.xml", "<manifest:encryption-data/>"),
                    .init("content.xml", "garbage"),
                ])) == .encrypted)
        #expect(error(Array("a,b\n".utf8)) == .archive(.notAZip))
        #expect(
            error(ZipFixture.make([.init("xl/workbook.xml", "<workbook><sheets>")]))?.description
                .hasPrefix("xl/workbook.xml:1:") == true)
    }

    // MARK: - Cell text

    @Test("Numbers as plain decimals: shortest round trip, no exponent, 1 not 1.0")
    func plainNumbers() {
        let cases: [(String, String)] = [
            ("1", "1"), ("1.0", "1"), ("-0", "0"), ("0.1", "0.1"), ("1E-3", "0.001"),
            ("2.5e-7", "0.00000025"),
            ("1.5E+20", "150000000000000000000"), ("123456789012345678", "123456789012345680"),
            ("1234567890123456.5", "1234567890123456.5"), ("-42.125", "-42.125"),
            ("1e23", "100000000000000000000000"),
        ]
        for (text, plain) in cases { #expect(NumberFormat.plain(text) == plain, "\(text)") }
        for text in ["nan", "inf", "0x10", "", "1e999", "12 apples"] {
            #expect(NumberFormat.plain(text) == nil, "\(text)")
        }
    }

    @Test("Number formats: built-in dates and times, custom codes with quoted text and brackets")
    func numberFormats() {
        #expect((14...17).allSatisfy { NumberFormat.builtIn($0) == .date })
        #expect(NumberFormat.builtIn(22) == .dateTime)
        #expect([18, 19, 20, 21, 45, 46, 47].allSatisfy { NumberFormat.builtIn($0) == .time })
        #expect([0, 1, 2, 9, 10, 49].allSatisfy { NumberFormat.builtIn($0) == .number })
        let codes: [(String, NumberFormat)] = [
            ("dd/mm/yyyy", .date), ("mmm yy", .date), ("yyyy-mm-dd hh:mm", .dateTime),
            ("[h]:mm:ss", .time),
            ("mm:ss", .time), ("\"day\" 0.00", .number), ("[Red]0.00;[Blue]-0.00", .number),
            ("General", .number),
            ("0.00\\d", .number), ("[$-409]d-mmm-yy;@", .date), ("#,##0 \"days\";\"yes\"", .number),
        ]
        for (code, kind) in codes { #expect(NumberFormat.classify(code) == kind, "\(code)") }
    }

    @Test("Serial dates in both systems, Excel's 1900-02-29 included, and out-of-calendar numbers")
    func serialDates() {
        let date = NumberFormat.date
        #expect(date.text(serial: 1, date1904: false) == "1900-01-01")
        #expect(date.text(serial: 59, date1904: false) == "1900-02-28")
        #expect(date.text(serial: 61, date1904: false) == "1900-03-01")
        // rounds to the second
        #expect(date.text(serial: 42251.99999999, date1904: false) == "2015-09-05")
        #expect(date.text(serial: 0, date1904: true) == "1904-01-01")
        #expect(date.text(serial: 2_958_465, date1904: false) == "9999-12-31")
        #expect(date.text(serial: 2_958_466, date1904: false) == nil)
        #expect(date.text(serial: -1, date1904: false) == nil)
        #expect(NumberFormat.time.text(serial: 0.5, date1904: false) == "12:00:00")
        #expect(
            NumberFormat.dateTime.text(serial: 42251.5, date1904: false) == "2015-09-04 12:00:00")
    }
}

extension WorkbookTests {
    // MARK: - Bounded work

    @Test("Blank rows and cells before a value are charged to the cell budget; merges cost no copy")
    func gridBudget() throws {
        var builder = GridBuilder()
        var budget = ReadingBudget(textLimit: 1_000, cellLimit: 10)
        try builder.place(row: 1, cells: [(3, "c")], budget: &budget, part: "p")
        try builder.place(row: 1, cells: [(1, "a"), (2, "")], budget: &budget, part: "p")
        #expect(builder.rows == [["a", "", "c"]])
        #expect(budget.cells == 3)
        try builder.place(row: 3, cells: [(1, "x")], budget: &budget, part: "p")
        #expect(builder.rows == [["a", "", "c"], [], ["x"]])
        #expect(budget.cells == 5)  // one blank row, one cell
        #expect(budget.textBytes == 3)  // "c", "a", "x": the text of each value placed
        #expect(throws: WorkbookError.self) {
            try builder.place(row: 1_000, cells: [(1, "far")], budget: &budget, part: "p")
        }
        try builder.place(row: 2, values: ["", ""], budget: &budget, part: "p")
        #expect(builder.rows[1] == [])
    }

    @Test("Two sheets sharing one part are refused (the work would multiply)")
    func sharedPart() throws {
        let bytes = ZipFixture.make([
            .init(
                "xl/workbook.xml",
                "<workbook xmlns:r=\"r\"><sheets>\n<sheet name=\"A\" r:id=\"a\"/><sheet name=\"B\" r:id=\"b\"/></sheets></workbook>"
            ),
            .init(
                "xl/_rels/workbook.xml.rels",
                #"<Relationships><Relationship Id="a" Type="x/worksheet" Target="s.xml"/><Relationship Id="b" Type="x/worksheet" Target="./s.xml"/></Relationships>"#
            ),
            .init("xl/s.xml", "<worksheet><sheetData/></worksheet>"),
        ])
        guard case .malformed(let part, 2, 27, let message) = error(bytes) else {
            Issue.record(
                "a shared sheet part was not refused at 2:27: \(String(describing: error(bytes)))")
            return
        }
        #expect(part == "xl/workbook.xml")
        #expect(message.contains("sheet B uses the part xl/s.xml"))
    }
}
