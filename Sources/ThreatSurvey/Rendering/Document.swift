/// A report as content, before it is rendered as a terminal table, Markdown, CSV or JSON.
///
/// Every command builds one document; the renderers decide the look. This keeps every
/// format produced from the same data in agreement, and puts escaping (terminal control
/// characters, CSV formulas, HTML) in the renderers, where it cannot be forgotten.
public struct Document: Sendable {
    /// One piece of a document.
    public enum Block: Sendable {
        /// A section title (a level-1 heading in a word processor).
        case heading(String)
        /// A title under a ``heading(_:)`` (level 2): an action of a plan, a delegation of a
        /// compilation. Headings stay in order so that assistive technology can navigate them
        /// (EN 301 549).
        case subheading(String)
        /// A paragraph.
        case text(String)
        /// A table.
        case table(TextTable)
        /// A remark set apart (caveats, what was inferred).
        case note(String)
        /// A bar chart of figures that a table in the same document also gives; the text
        /// formats leave it out (the table says the same), the word-processor formats draw it.
        case chart(BarChart)
        /// The first-page header of a Council document (institution, date, reference, kind,
        /// From / To / Subject).
        case councilHeader(CouncilHeader)
    }

    /// The blocks, in reading order.
    public var blocks: [Block]
    /// The document's title (the word-processor formats' metadata and the HTML title).
    public var title: String?
    /// The language of the document's own words, as a BCP 47 tag (`en`, `fr`): set in the
    /// word-processor formats so that screen readers and spelling use the right language.
    public var language: String = "en"
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
    /// How strongly each cell is shaded, from 0 (none) to 1 (darkest), by row then column.
    ///
    /// `nil` for an unshaded table. A heat map's cells carry their figure as text too, so
    /// the shade is never the only way a value is shown.
    public var shades: [[Double]]?
    /// A table too wide for a portrait page (the Member State × threat heat map): the
    /// word-processor formats put it in a landscape section of its own.
    public var isWide = false
    /// A one-sentence description of the table, for assistive technology.
    public var caption: String?

    /// Creates a table.
    public init(columns: [String], alignments: [Alignment] = [], rows: [[String]] = []) {
        self.columns = columns
        self.alignments = alignments
        self.rows = rows
    }
}

/// A bar chart: one bar per category, in the order given, with a title, what the values
/// measure and a text alternative read out in place of the picture (EN 301 549).
///
/// The word-processor writers draw exactly this, so the document's chart *is* the writers'
/// chart (``WordChart``, in Formats, which cannot name a Rendering type): one shape, not two
/// kept in step.
public typealias BarChart = WordChart

/// The first-page header of a Council document, as
/// `reference/council-documents.md` describes it: the institution, place and date, the
/// reference, the kind of document, then labelled From / To / Subject lines.
public struct CouncilHeader: Sendable, Hashable {
    /// "Council of the European Union".
    public var institution = "Council of the European Union"
    /// "Brussels, 22 July 2015".
    public var placeAndDate: String
    /// The document number (`11415/16`), empty for the secretariat to fill in.
    public var reference: String
    /// The language of the original, shown after the date as `(OR. en)`.
    public var originalLanguage = "en"
    /// The kind of document in capitals: "NOTE", "OUTCOME OF PROCEEDINGS".
    public var kind: String
    /// "General Secretariat of the Council".
    public var from: String
    /// "Customs Cooperation Working Party".
    public var to: String
    /// The subject line: the questionnaire's title.
    public var subject: String

    /// Creates a header.
    public init(
        placeAndDate: String, reference: String, kind: String, from: String, to: String,
        subject: String
    ) {
        self.placeAndDate = placeAndDate
        self.reference = reference
        self.kind = kind
        self.from = from
        self.to = to
        self.subject = subject
    }

    /// The labelled lines, in order, as every format shows them.
    public var labelledLines: [(label: String, value: String)] {
        [("From:", from), ("To:", to), ("Subject:", subject)]
    }

    /// The header as plain lines, top to bottom, for the text formats.
    public var textLines: [String] {
        [
            institution, "\(placeAndDate) (OR. \(originalLanguage))",
            reference.isEmpty ? "[reference]" : reference, kind,
        ] + labelledLines.map { "\($0.label) \($0.value)" }
    }
}
