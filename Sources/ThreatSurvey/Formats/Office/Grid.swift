/// Rows of text cells with a position each: a workbook sheet, a Word table or a CSV file.
///
/// To the answer readers these are the same thing (`DESIGN-intake.md`, "Grids and text"): the
/// long and matrix readers take a grid, so every rule, warning and suggestion exists once, and
/// a diagnostic names the place the officer would look (`Answers!C4`, `table 1, row 3`).
public struct Grid: Sendable, Hashable {
    /// How cells of this grid are named in messages.
    public enum Addressing: Sendable, Hashable {
        /// Spreadsheet style: `SHEET!C4` (column letters, 1-based row).
        case sheet(name: String)
        /// Word table style: `table N, row R, column C`.
        case table(number: Int)
        /// Text style: `LINE:COLUMN` (CSV).
        case lines
    }

    /// How cells are named.
    public var addressing: Addressing
    /// `rows[i][j]` is the cell at row i+1, column j+1; `""` for a blank cell, trailing
    /// blanks left out.
    public var rows: [[String]]

    /// Creates a grid.
    public init(addressing: Addressing, rows: [[String]]) {
        self.addressing = addressing
        self.rows = rows
    }

    /// Spreadsheet column letters for a 1-based column (1 → A, 27 → AA).
    public static func columnName(_ column: Int) -> String {
        var n = max(column, 1)
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }
}
