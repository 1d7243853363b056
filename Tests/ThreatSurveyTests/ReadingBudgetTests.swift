import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// The reading budget (CONTRACT.md, "Intake rules added", "Bounded reading"): what a reader
/// builds from a file is counted as it is built, and a file that would build more than the
/// budget is refused (65) naming the limit, with nothing stored.
///
/// The files under Resources/bounds/ (written by its make-fixtures.py) are a few kilobytes
/// each and used to build gigabytes: a shared string shown in 2,000 cells, an ODS cell
/// repeated over columns and rows, ODT spaces repeated over cells and rows, Word tables nested
/// 80 deep, a mail of 20 workbooks each just under the budget alone.
@Suite("Reading budget")
struct ReadingBudgetTests {
    static let amplifiers = [
        "shared-string.xlsx", "repeat-repeat.ods", "repeated-cells.odt", "nested-tables.docx",
        "many-attachments.eml",
    ]
    static func resource(_ name: String) -> String { ZipFixture.resource("bounds/" + name) }

    let folder: String
    var store: String { folder + "/store.sqlite" }

    init() throws {
        folder = try TestSupport.temporaryFolder()
    }

    /// A store holding one good answer, and what `history` says of it.
    func storeWithOneAnswer() throws -> String {
        let good = runCLI(
            ["submit", TestSupport.fixture("pl.csv"), "--received", "2015-09-04"], store: store)
        #expect(good.status == .success, "\(good.err)")
        return historyJSON()
    }

    func historyJSON() -> String {
        runCLI(["history", "--format", "json"], store: store).out
    }

    @Test(
        "A file that builds more than the budget is refused (65), naming the limit; nothing stored",
        arguments: amplifiers)
    func submitRefused(_ name: String) throws {
        defer { TestSupport.cleanUp(folder) }
        let before = try storeWithOneAnswer()
        let run = runCLI(
            [
                "submit", Self.resource(name), "--delegation", "PL", "--received",
                "2015-09-05",
            ], store: store)
        #expect(run.status == .dataError, "\(run.err)")
        #expect(run.err.contains("limit exceeded: more than 64 MiB of text built from this file"))
        #expect(run.err.contains(Self.resource(name)))
        #expect(historyJSON() == before)
    }

    @Test(
        "`inspect` reads with the same budget",
        arguments: amplifiers.filter { !$0.hasSuffix(".eml") })
    func inspectRefused(_ name: String) throws {
        defer { TestSupport.cleanUp(folder) }
        let run = runCLI(["inspect", Self.resource(name)])
        #expect(run.status == .dataError, "\(run.err)")
        #expect(run.err.contains("limit exceeded: more than 64 MiB of text built from this file"))
    }

    @Test("Nothing refused stores nothing, even when no store existed")
    func noStoreCreated() throws {
        defer { TestSupport.cleanUp(folder) }
        let run = runCLI(
            ["submit", Self.resource("shared-string.xlsx"), "--received", "2015-09-05"],
            store: store)
        #expect(run.status == .dataError)
        #expect(!FileManager.default.fileExists(atPath: store))
    }
}

extension ReadingBudgetTests {
    // MARK: - The budget itself

    @Test("64 MiB of text, or three bytes per byte of a larger file; 5,000,000 cells")
    func limits() {
        #expect(ReadingBudget.maximumTextBytes == 64 << 20)
        #expect(ReadingBudget.maximumCells == 5_000_000)
        #expect(Workbook.maximumCells == ReadingBudget.maximumCells)
        #expect(ReadingBudget(fileSize: 3_000).textLimit == 64 << 20)
        #expect(ReadingBudget(fileSize: 100 << 20).textLimit == 300 << 20)
        #expect(ReadingBudget(fileSize: .max).textLimit == .max)
    }

    @Test("Charges stop at the limit, exactly; a product that overflows is past it")
    func charging() throws {
        var budget = ReadingBudget(textLimit: 10, cellLimit: 2)
        try budget.charge(text: 10)
        #expect(throws: ReadingBudget.Exceeded.text(limit: 10)) { try budget.charge(text: 1) }
        #expect(budget.textBytes == 10)
        try budget.charge(cells: 2)
        #expect(throws: ReadingBudget.Exceeded.cells(limit: 2)) { try budget.charge(cells: 1) }
        var large = ReadingBudget(fileSize: 0)
        #expect(throws: ReadingBudget.Exceeded.self) {
            try large.charge(text: 1 << 40, times: 1 << 40)
        }
        #expect(large.textBytes == 0)
        #expect(
            ReadingBudget.Exceeded.text(limit: 64 << 20).description.hasPrefix(
                "more than 64 MiB of text built from this file"))
        #expect(ReadingBudget.mebibytes(3 << 19) == "1.5 MiB")
        #expect(ReadingBudget.mebibytes(1_000) == "1000 bytes")
    }

    // MARK: - Each reader charges as it builds

    @Test("xlsx inline strings are charged per cell")
    func inlineStrings() throws {
        let row = Array(repeating: String(repeating: "i", count: 100), count: 20)
        let bytes = try ZipFixture.xlsx(sheets: [("Answers", Array(repeating: row, count: 10))])
        var roomy = ReadingBudget(textLimit: 20_000, cellLimit: 1_000)
        #expect(try Workbook.read(bytes: bytes, budget: &roomy).sheets[0].grid.rows.count == 10)
        #expect(roomy.textBytes == 20_000)
        var tight = ReadingBudget(textLimit: 19_999, cellLimit: 1_000)
        let error = try #require(throws: WorkbookError.self) {
            try Workbook.read(bytes: bytes, budget: &tight)
        }
        #expect(error.description.contains("limit exceeded: more than 19999 bytes of text"))
    }

    @Test("xlsx shared strings are charged when read and again for each cell that shows them")
    func sharedStrings() throws {
        let bytes = try TestSupport.bytes(Self.resource("shared-string.xlsx"))
        var budget = ReadingBudget(fileSize: bytes.count)
        let error = try #require(throws: WorkbookError.self) {
            try Workbook.read(bytes: bytes, budget: &budget)
        }
        guard case .limitExceeded(let part, let message) = error else {
            Issue.record("expected the budget, got \(error)")
            return
        }
        #expect(part == "xl/worksheets/sheet1.xml")
        #expect(message.contains("64 MiB"))
        // Refused before the 64th copy of the string: never more than the budget was built.
        #expect(budget.textBytes <= ReadingBudget.maximumTextBytes)
    }

    @Test("CSV fields are charged as cells: a file of empty fields stops at the budget")
    func csvFields() throws {
        let bytes = Array(String(repeating: ",,,\n", count: 1_000).utf8)
        var budget = ReadingBudget(textLimit: .max, cellLimit: 3_999)
        #expect(throws: ReadingBudget.Exceeded.cells(limit: 3_999)) {
            try CSVReader.records(in: bytes, delimiter: UInt8(ascii: ","), budget: &budget)
        }
        var enough = ReadingBudget(textLimit: .max, cellLimit: 4_000)
        let read = try CSVReader.records(
            in: bytes, delimiter: UInt8(ascii: ","), budget: &enough)
        #expect(read.records.count == 1_000)
    }

    @Test("ODT spaces (text:s) are charged before they are built")
    func odtSpaces() throws {
        let spaces = String(repeating: "<text:s text:c=\"1000\"/>", count: 5)
        let content =
            "<office:document-content xmlns:office=\"o\" xmlns:text=\"t\"><office:body><office:text>"
            + "<text:p>a\(spaces)b</text:p></office:text></office:body></office:document-content>"
        let bytes = try ZipFixture.zip([("content.xml", Array(content.utf8))])
        var tight = ReadingBudget(textLimit: 4_999, cellLimit: 10)
        #expect(throws: DocumentError.self) { try WordDocument.read(bytes: bytes, budget: &tight) }
        var roomy = ReadingBudget(textLimit: 20_000, cellLimit: 10)
        let document = try WordDocument.read(bytes: bytes, budget: &roomy)
        #expect(document.paragraphs.first?.utf8.count == 5_002)
    }

    @Test("A mail's answers share the mail's budget")
    func mailShares() throws {
        var budget = ReadingBudget(fileSize: 0)
        let bytes = try TestSupport.bytes(Self.resource("many-attachments.eml"))
        let intake = try MailIntake.open(bytes: bytes, name: "m.eml", budget: &budget)
        #expect(intake.parts.count == 20)
        #expect(budget.textBytes >= intake.parts.reduce(0) { $0 + $1.bytes.count })
    }
}
