/// A document as the word-processor writers see it: sections of headings, paragraphs, tables
/// and bar charts, with nothing of questionnaires or rankings in it.
///
/// ``DOCXWriter`` and ``ODTWriter`` write the same content, so both files of one report agree;
/// the renderers in `Rendering` decide what goes in (a Council header becomes paragraphs and a
/// borderless table, a wide table a landscape section). Text is stored as given — the writers
/// escape it and keep line ends and tabs as line breaks and tab stops.
public struct WordProcessingDocument: Sendable, Hashable {
    /// The title in the file's metadata (Dublin Core `dc:title`).
    public var title: String
    /// The language of the text, a BCP 47 tag (`en`, `fr-BE`): metadata and the default
    /// language of every style, for spelling and screen readers.
    public var language: String
    /// The sections, in order; each starts on a new page.
    public var sections: [WordSection]

    /// Creates a document.
    public init(title: String, language: String, sections: [WordSection]) {
        self.title = title
        self.language = language
        self.sections = sections
    }

    /// The charts, in document order (numbered from 1 in the files).
    var charts: [WordChart] {
        sections.flatMap(\.blocks).compactMap {
            if case .chart(let chart) = $0 { return chart }
            return nil
        }
    }
}

/// A run of blocks on pages of one orientation.
public struct WordSection: Sendable, Hashable {
    /// How the pages of a section are turned.
    public enum Orientation: Sendable, Hashable {
        /// A4 upright (210 × 297 mm).
        case portrait
        /// A4 on its side (297 × 210 mm), for tables too wide for an upright page.
        case landscape
    }

    /// The pages' orientation.
    public var orientation: Orientation
    /// The blocks, in reading order.
    public var blocks: [WordBlock]

    /// Creates a section.
    public init(orientation: Orientation = .portrait, blocks: [WordBlock]) {
        self.orientation = orientation
        self.blocks = blocks
    }
}

/// One block of a section.
public enum WordBlock: Sendable, Hashable {
    /// A heading with its outline level (1 or 2), written in the real heading styles so that
    /// the navigation pane, a table of contents and assistive technology find it.
    case heading(String, level: Int)
    /// A paragraph.
    case paragraph(WordParagraph)
    /// A table.
    case table(WordTable)
    /// A bar chart.
    case chart(WordChart)
}

/// A paragraph and how it looks.
public struct WordParagraph: Sendable, Hashable {
    /// The paragraph style, one of the few the writers define.
    public enum Style: Sendable, Hashable {
        /// Body text.
        case body
        /// The document's title (the `Title` style).
        case title
        /// A remark set apart: smaller, indented.
        case note
    }

    /// Horizontal alignment.
    public enum Alignment: Sendable, Hashable {
        /// Flush left (the style's own).
        case left
        /// Flush right.
        case right
        /// Centred.
        case center
    }

    /// The text; line ends become line breaks, tabs tab stops.
    public var text: String
    /// The style.
    public var style: Style
    /// Whether the whole paragraph is bold.
    public var isBold: Bool
    /// The alignment.
    public var alignment: Alignment

    /// Creates a paragraph.
    public init(
        _ text: String, style: Style = .body, bold: Bool = false, alignment: Alignment = .left
    ) {
        self.text = text
        self.style = style
        self.isBold = bold
        self.alignment = alignment
    }
}

/// A table: an optional header row repeated on every page, body rows, shaded cells.
public struct WordTable: Sendable, Hashable {
    /// The header row (column titles); empty for a table without one.
    public var header: [String]
    /// The body rows; short rows are padded with empty cells.
    public var rows: [[String]]
    /// Columns whose cells are right-aligned (figures).
    public var rightAligned: Set<Int>
    /// How strongly each body cell is shaded, 0 (none) to 1, by row then column.
    public var shades: [[Double]]?
    /// A table without borders or header styling, used for layout (the From / To / Subject
    /// lines of a Council header).
    public var isBorderless: Bool
    /// A one-sentence description for assistive technology (the table's alternative text).
    public var caption: String?

    /// Creates a table.
    public init(
        header: [String], rows: [[String]], rightAligned: Set<Int> = [],
        shades: [[Double]]? = nil, borderless: Bool = false, caption: String? = nil
    ) {
        self.header = header
        self.rows = rows
        self.rightAligned = rightAligned
        self.shades = shades
        self.isBorderless = borderless
        self.caption = caption
    }

    /// Whether the table has neither a header nor rows: the writers leave it out, since a
    /// table without a row is not a valid table in either format.
    public var isEmpty: Bool { header.isEmpty && rows.isEmpty }

    /// The number of columns: the widest of the header and the rows.
    public var columnCount: Int {
        max(header.count, rows.map(\.count).max() ?? 0)
    }

    /// The shade of body cell (`row`, `column`), clamped to 0…1; 0 when unshaded.
    func shade(row: Int, column: Int) -> Double {
        guard let shades, row < shades.count, column < shades[row].count,
            shades[row][column].isFinite
        else { return 0 }
        return min(max(shades[row][column], 0), 1)
    }

    /// Column widths in twips that add up to `total`: each column gets at least room for its
    /// longest word (so "Rank" or a country code never breaks inside), then the rest goes to
    /// the columns whose longest line wants more, in proportion to what they want.
    ///
    /// Widths are estimated from character counts at the tables' 10-point size (about 120
    /// twips a body character, 140 a bold header one, plus ``cellMargin`` on each side), the
    /// measure a word processor would refine; when even the shortest widths overflow, all are
    /// scaled down alike.
    ///
    /// - Complexity: O(cells).
    func columnWidths(total: Int) -> [Int] {
        let count = columnCount
        guard count > 0 else { return [total] }
        var longestWord = [Int](repeating: 1, count: count)
        var longestLine = [Int](repeating: 1, count: count)
        for row in rows {
            for (column, cell) in row.enumerated() where column < count {
                for line in cell.split(separator: "\n") {
                    longestLine[column] = max(longestLine[column], min(Self.width(line), 60))
                    for word in line.split(separator: " ") {
                        longestWord[column] = max(longestWord[column], min(Self.width(word), 20))
                    }
                }
            }
        }
        let padding = 2 * Self.cellMargin + 60
        let minimum = (0..<count).map { column -> Int in
            let words = column < header.count ? header[column].split(separator: " ") : []
            let headerWord = min(words.map(\.count).max() ?? 0, 20)
            return max(longestWord[column] * 120, headerWord * 140) + padding
        }
        let natural = (0..<count).map { column -> Int in
            let headerLine = column < header.count ? min(header[column].count, 30) : 0
            return max(
                longestLine[column] * 120 + padding, headerLine * 140 + padding / 2,
                minimum[column])
        }
        let minimumSum = minimum.reduce(0, +)
        guard minimumSum < total else {
            return minimum.map { $0 * total / minimumSum }
        }
        let naturalSum = natural.reduce(0, +)
        var widths: [Int]
        if naturalSum <= total {
            widths = natural.map { $0 * total / naturalSum }
        } else {
            let room = total - minimumSum
            let wanted = naturalSum - minimumSum
            widths = (0..<count).map { minimum[$0] + (natural[$0] - minimum[$0]) * room / wanted }
        }
        // Rounding leftovers go to the widest column, so the widths add up exactly.
        if let widest = widths.indices.max(by: { widths[$0] < widths[$1] }) {
            widths[widest] += total - widths.reduce(0, +)
        }
        return widths
    }

    /// The width of `text` in average characters: block elements (a text bar chart's `█`),
    /// CJK and other wide characters count twice.
    static func width(_ text: Substring) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            switch scalar.value {
            case 0x2580...0x259F, 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3,
                0xF900...0xFAFF, 0xFF00...0xFF60:
                return total + 2
            default:
                return total + 1
            }
        }
    }

    /// The space between a cell's border and its text, left and right, in twips (1 mm): small,
    /// so that a heat map of 27 Member States fits a landscape page.
    static let cellMargin = 57

    /// The fill colour for a shade: white (0) to a mid blue (1), light enough that black text
    /// stays readable (contrast above 6:1 at the darkest), as `RRGGBB`.
    static func fill(for shade: Double) -> String {
        let dark: [Double] = [0x5B, 0x8F, 0xC9]
        return dark.map { channel -> String in
            let value = Int((255 - (255 - channel) * shade).rounded())
            let hex = String(value, radix: 16, uppercase: true)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }
}

/// A bar chart with one series: horizontal bars, first category on top.
public struct WordChart: Sendable, Hashable {
    /// The chart's title.
    public var title: String
    /// The bars' labels.
    public var categories: [String]
    /// The bars' values, same order as ``categories``.
    public var values: [Double]
    /// What the values measure (the series name and the value axis title).
    public var valueTitle: String
    /// The text read out in place of the picture.
    public var alternativeText: String

    /// Creates a chart.
    public init(
        title: String, categories: [String], values: [Double], valueTitle: String,
        alternativeText: String
    ) {
        self.title = title
        self.categories = categories
        self.values = values
        self.valueTitle = valueTitle
        self.alternativeText = alternativeText
    }

    /// A value as chart XML writes numbers: whole numbers without `.0`, others as Swift
    /// prints a `Double` (shortest round-trip form); non-finite values as 0.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
