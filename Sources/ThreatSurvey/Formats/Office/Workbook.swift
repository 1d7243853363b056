/// The sheets of a spreadsheet file, each a ``Grid`` of text cells.
///
/// Delegations answer in Excel (`.xlsx`) or LibreOffice (`.ods`) as often as in CSV. Both are
/// zip archives of XML; ``readXLSX(bytes:)`` and ``readODS(bytes:)`` turn them into the same
/// value, with cells as the officer sees them: numbers as plain decimals (`1`, `0.25`), dates
/// as `YYYY-MM-DD`, booleans `TRUE`/`FALSE`, formulas as their last computed value. Blank cells
/// are `""`, trailing blank cells and rows left out. What is built is charged to a
/// ``ReadingBudget`` (at most ``maximumCells`` cells and ``ReadingBudget/maximumTextBytes`` of
/// text per file), so a sheet that declares a million repeated rows costs nothing unless they
/// hold values, and a long string shown in many cells is refused instead of multiplied.
public struct Workbook: Sendable, Hashable {
    /// Most cells materialized in one workbook (5,000,000): the reading budget's cell limit.
    ///
    /// Blanks between values count; the largest consultation workbook holds about 50,000.
    public static let maximumCells = ReadingBudget.maximumCells
    /// Highest row number accepted (1,048,576, Excel's and LibreOffice's last row).
    public static let maximumRows = 1_048_576
    /// Highest column number accepted (16,384, column `XFD`).
    public static let maximumColumns = 16_384

    /// One sheet: its name as shown on the tab, and its cells.
    public struct Sheet: Sendable, Hashable {
        /// The tab name.
        public var name: String
        /// The cells, addressed as `NAME!C4`.
        public var grid: Grid

        /// Creates a sheet whose grid is addressed by `name`.
        public init(name: String, rows: [[String]]) {
            self.name = name
            self.grid = Grid(addressing: .sheet(name: name), rows: rows)
        }
    }

    /// The worksheets in tab order (chart sheets, which hold no cells, left out).
    public var sheets: [Sheet]

    /// Creates a workbook.
    public init(sheets: [Sheet]) {
        self.sheets = sheets
    }

    /// The sheet whose name is `name`.
    public func sheet(named name: String) -> Sheet? {
        sheets.first { $0.name == name }
    }

    /// Reads an `.xlsx` or `.ods` file, telling them apart by their content, not their name.
    ///
    /// - Throws: ``WorkbookError``, among them ``WorkbookError/limitExceeded(part:message:)``
    ///   past the ``ReadingBudget`` of a file of this size.
    /// - Complexity: O(n) in the inflated size.
    public static func read(bytes: [UInt8]) throws(WorkbookError) -> Workbook {
        var budget = ReadingBudget(fileSize: bytes.count)
        return try read(bytes: bytes, budget: &budget)
    }

    /// Reads an `.xlsx` or `.ods` file, charging what is built to `budget` (shared with the
    /// other answers of the same mail).
    ///
    /// - Throws: ``WorkbookError``.
    /// - Complexity: O(n) in the inflated size.
    public static func read(bytes: [UInt8], budget: inout ReadingBudget) throws(WorkbookError)
        -> Workbook
    {
        let archive: ZipArchive
        do { archive = try ZipArchive(bytes: bytes) } catch { throw .archive(error) }
        if archive.entry(named: "mimetype") != nil || archive.entry(named: "content.xml") != nil {
            return try readODS(archive, budget: &budget)
        }
        return try readXLSX(archive, budget: &budget)
    }
}
