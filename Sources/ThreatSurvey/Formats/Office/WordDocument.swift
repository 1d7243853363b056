/// The body of a word-processing document (`.docx`, `.odt`): its paragraphs and tables as text.
///
/// Delegations write their comments in Word as often as they fill in a table; the answer
/// readers need the text the officer sees, in order, with list numbers kept ("1. Firearms")
/// because a numbered list is how a delegation says which threat comes first. Body paragraphs
/// exclude those inside tables (as python-docx does); paragraphs that hold only whitespace are
/// left out. Each table is rows of cell text (a cell's paragraphs joined with line ends, a table
/// nested in a cell flattened into that text). Limits: ``maximumParagraphs``,
/// ``maximumTables``, ``maximumCells``, and the text built charged to a ``ReadingBudget``
/// (repeated spaces, repeated cells and rows counted as they are expanded), on top of
/// `ZipArchive`'s and `XMLReader`'s.
public struct WordDocument: Sendable, Hashable {
    /// Most body paragraphs kept (100,000): a 500-page report holds about 10,000.
    public static let maximumParagraphs = 100_000
    /// Most tables kept (10,000).
    public static let maximumTables = 10_000
    /// Most table cells kept over all tables (1,000,000).
    public static let maximumCells = 1_000_000

    /// Non-blank body paragraphs in document order, list numbers kept as text.
    public var paragraphs: [String]
    /// The body's tables in document order: `tables[t][r][c]` is the text of cell c+1 of row
    /// r+1 of table t+1.
    public var tables: [[[String]]]

    /// Creates a document.
    public init(paragraphs: [String], tables: [[[String]]]) {
        self.paragraphs = paragraphs
        self.tables = tables
    }

    /// Reads a `.docx` or `.odt` file, telling them apart by their content, not their name.
    ///
    /// - Throws: ``DocumentError``, among them ``DocumentError/limitExceeded(_:)`` past the
    ///   ``ReadingBudget`` of a file of this size.
    /// - Complexity: O(n) in the inflated size of the parts read.
    public static func read(bytes: [UInt8]) throws(DocumentError) -> WordDocument {
        var budget = ReadingBudget(fileSize: bytes.count)
        return try read(bytes: bytes, budget: &budget)
    }

    /// Reads a `.docx` or `.odt` file, charging the text built to `budget` (shared with the
    /// other answers of the same mail).
    ///
    /// - Throws: ``DocumentError``.
    /// - Complexity: O(n) in the inflated size of the parts read.
    public static func read(bytes: [UInt8], budget: inout ReadingBudget) throws(DocumentError)
        -> WordDocument
    {
        let archive: ZipArchive
        do { archive = try ZipArchive(bytes: bytes) } catch { throw .archive(error) }
        if archive.entry(named: "mimetype") != nil || archive.entry(named: "content.xml") != nil {
            return try readODT(archive, budget: &budget)
        }
        return try readDOCX(archive, budget: &budget)
    }

    /// Collects paragraphs and tables under the limits, charging text to the reading budget.
    struct Collector {
        var paragraphs: [String] = []
        var tables: [[[String]]] = []
        var cells = 0
        var budget: ReadingBudget

        init(budget: ReadingBudget) {
            self.budget = budget
        }

        mutating func add(paragraph: String) throws(DocumentError) {
            guard !paragraph.allSatisfy(\.isWhitespace) else { return }
            guard paragraphs.count < WordDocument.maximumParagraphs else {
                throw .limitExceeded("more than \(WordDocument.maximumParagraphs) paragraphs")
            }
            try charge(text: paragraph.utf8.count)
            paragraphs.append(paragraph)
        }

        /// Spends `count` bytes of text `times` times, before the text is built.
        mutating func charge(text count: Int, times: Int = 1) throws(DocumentError) {
            do { try budget.charge(text: count, times: times) } catch {
                throw .limitExceeded(error.description)
            }
        }

        /// Adds a table whose cells' text was charged as it was built.
        mutating func add(table: [[String]]) throws(DocumentError) {
            guard tables.count < WordDocument.maximumTables else {
                throw .limitExceeded("more than \(WordDocument.maximumTables) tables")
            }
            try count(cells: table.reduce(0) { $0 + $1.count })
            tables.append(table)
        }

        mutating func count(cells n: Int) throws(DocumentError) {
            cells += n
            guard cells <= WordDocument.maximumCells else {
                throw .limitExceeded("more than \(WordDocument.maximumCells) table cells")
            }
        }
    }

    /// Bytes of a part, errors named after the part.
    static func part(_ name: String, in archive: ZipArchive) throws(DocumentError) -> XMLElement {
        let data: [UInt8]
        do { data = try archive.data(named: name) } catch {
            if case .missingEntry = error { throw .missingPart(name) }
            throw .archive(error)
        }
        do { return try XMLElement.parse(data) } catch { throw .xml(part: name, error) }
    }
}
