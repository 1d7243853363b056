/// Where in an Office file the answer was read: which sheet, which Word table, or the body's
/// paragraphs; and how a record's line and column name a place there.
///
/// The long, matrix and prose readers work on lines and columns; an officer looking at a
/// workbook looks for `Answers!C4`, in a Word letter for a paragraph or `table 1, row 3`.
/// ``AnswerParser`` turns every diagnostic's position into that place.
public struct AnswerSource: Sendable, Hashable, CustomStringConvertible {
    /// The file format the answer came in.
    public enum Container: String, Sendable, Hashable {
        case xlsx, ods, docx, odt
    }

    /// The part of the file that was read.
    public enum Part: Sendable, Hashable {
        /// A sheet of a workbook, by its tab name.
        case sheet(String)
        /// A table of a document (1-based).
        case table(Int)
        /// The body's paragraphs; `paragraphOfLine[i]` is the paragraph (1-based) of line i+1
        /// of the joined text (a paragraph with line breaks spans several lines).
        case paragraphs(paragraphOfLine: [Int])
    }

    /// The file format.
    public var container: Container
    /// The part read.
    public var part: Part

    /// Creates a source.
    public init(container: Container, part: Part) {
        self.container = container
        self.part = part
    }

    /// `xlsx (sheet Answers)`, `docx (table 1)`, `odt (paragraphs)`.
    public var description: String {
        switch part {
        case .sheet(let name): return "\(container.rawValue) (sheet \(name))"
        case .table(let number): return "\(container.rawValue) (table \(number))"
        case .paragraphs: return "\(container.rawValue) (paragraphs)"
        }
    }

    /// The file format and the part read, as receipts and `show` name them.
    ///
    /// `xlsx, sheet Answers`, `ods, sheet Réponses`, `docx, table 1`, `odt` (its paragraphs).
    /// A workbook is not a CSV file, and a receipt that said so sent the officer to the wrong
    /// file.
    public var formatDescription: String {
        switch part {
        case .sheet(let name): return "\(container.rawValue), sheet \(name)"
        case .table(let number): return "\(container.rawValue), table \(number)"
        case .paragraphs: return container.rawValue
        }
    }

    /// The place of `line`:`column` as the officer would look for it; `nil` when the
    /// diagnostic concerns the file as a whole.
    public func place(line: Int?, column: Int?) -> String? {
        guard let line, line > 0 else { return nil }
        switch part {
        case .sheet(let name):
            let sheet = Self.quotedSheetName(name)
            if let column, column > 0 { return "\(sheet)!\(Grid.columnName(column))\(line)" }
            return "\(sheet)!\(line):\(line)"
        case .table(let number):
            if let column, column > 0 { return "table \(number), row \(line), column \(column)" }
            return "table \(number), row \(line)"
        case .paragraphs(let paragraphOfLine):
            return String(line <= paragraphOfLine.count ? paragraphOfLine[line - 1] : line)
        }
    }

    /// The sheet name as Excel writes it in a reference: quoted when it holds anything but
    /// letters, digits and underscores (`'Réponses PL'!B2`).
    static func quotedSheetName(_ name: String) -> String {
        if !name.isEmpty && name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
            return name
        }
        return "'" + name.replacing("'", with: "''") + "'"
    }
}
