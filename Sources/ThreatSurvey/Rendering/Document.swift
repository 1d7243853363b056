/// A report as content, before it is rendered as a terminal table, Markdown, CSV or JSON.
///
/// Every command builds one document; the renderers decide the look. This keeps every
/// format produced from the same data in agreement, and puts escaping (terminal control
/// characters, CSV formulas, HTML) in the renderers, where it cannot be forgotten.
public struct Document: Sendable {
    /// One piece of a document.
    public enum Block: Sendable {
        /// A section title.
        case heading(String)
        /// A paragraph.
        case text(String)
        /// A table.
        case table(TextTable)
        /// A remark set apart (caveats, what was inferred).
        case note(String)
    }

    /// The blocks, in reading order.
    public var blocks: [Block]
    /// The machine-readable form, for `--format json`, built when it is asked for.
    ///
    /// Only one format is printed: a receipt of 200,000 mentions or the history of a
    /// million submissions spent more memory on a JSON tree nobody printed than on the table.
    public var json: JSONValue {
        get { makeJSON() }
        set { makeJSON = { newValue } }
    }
    /// The single table for `--format csv`; the first table when `nil`.
    public var csv: TextTable?
    private var makeJSON: @Sendable () -> JSONValue

    /// Creates a document; `json` is evaluated only if the JSON form is asked for.
    public init(
        blocks: [Block] = [], json: @autoclosure @escaping @Sendable () -> JSONValue = .null,
        csv: TextTable? = nil
    ) {
        self.blocks = blocks
        self.makeJSON = json
        self.csv = csv
    }
}

/// A table of text cells with a header, for every output format.
public struct TextTable: Sendable, Hashable {
    /// How a column is aligned in the terminal.
    public enum Alignment: Sendable, Hashable {
        case left
        case right
    }

    /// Column titles.
    public var columns: [String]
    /// Column alignments (left when missing).
    public var alignments: [Alignment]
    /// Rows of cells; short rows are padded.
    public var rows: [[String]]

    /// Creates a table.
    public init(columns: [String], alignments: [Alignment] = [], rows: [[String]] = []) {
        self.columns = columns
        self.alignments = alignments
        self.rows = rows
    }
}
