/// What reading one file may build, text and cells, counted as it is built.
///
/// The zip, XML and MIME limits bound what a file *unpacks to*; they cannot bound what the
/// readers *build* from it. One 1 MiB shared string referenced by 2,000 cells, a long cell
/// repeated by `table:number-columns-repeated` on rows repeated by
/// `table:number-rows-repeated`, runs of `text:s` spaces, or a mail of many small workbooks
/// each multiplying its own text: a workbook of a few kilobytes used to build gigabytes, and
/// the store kept them. Every reader charges the text (UTF-8 bytes) and the cells it is about
/// to append *before* appending them, so the work done stays within the budget whatever the
/// file declares, and past it the file is refused (exit 65) with nothing stored
/// (CONTRACT.md, "Intake rules added", "Bounded reading").
///
/// One budget per file the officer gives: the answer files of a mail share the mail's, so a
/// thousand attachments cannot multiply the limit. Text is charged where it is produced
/// (a shared string when its table is read, and again for each cell that shows it; a
/// decoded attachment, and again as the answer read from it), so the charge is a small
/// multiple of the text kept, and always at least the text kept.
///
/// ```swift
/// var budget = ReadingBudget(fileSize: bytes.count)
/// try budget.charge(text: value.utf8.count * repeats)  // before building the repeats
/// ```
public struct ReadingBudget: Sendable, Hashable {
    /// Text built from one file (64 MiB): the largest real answer (a workbook of 50,000
    /// cells, a 500-page letter) builds under 2 MiB, so this is a generous multiple.
    public static let maximumTextBytes = 64 << 20
    /// Text allowed per byte of the file when that is more than ``maximumTextBytes`` (3): a
    /// large plain file is its own text, and decoding Windows-1252 to UTF-8 can triple it;
    /// the limit stays linear in what was received.
    public static let textBytesPerFileByte = 3
    /// Cells built from one file (5,000,000).
    ///
    /// Workbook cells (blanks between values included) and CSV fields count. The largest
    /// consultation workbook holds about 50,000.
    public static let maximumCells = 5_000_000

    /// The most text (UTF-8 bytes) this budget allows.
    public let textLimit: Int
    /// The most cells this budget allows.
    public let cellLimit: Int
    /// Text charged so far.
    public private(set) var textBytes = 0
    /// Cells charged so far.
    public private(set) var cells = 0

    /// The budget for a file of `fileSize` bytes: ``maximumTextBytes`` of text, or
    /// ``textBytesPerFileByte`` per byte of the file when that is more; ``maximumCells``.
    public init(fileSize: Int) {
        let (scaled, overflow) = max(fileSize, 0).multipliedReportingOverflow(
            by: Self.textBytesPerFileByte)
        self.init(
            textLimit: overflow ? Int.max : max(Self.maximumTextBytes, scaled),
            cellLimit: Self.maximumCells)
    }

    /// A budget with explicit limits (tests, and readers whose callers bound the input).
    init(textLimit: Int, cellLimit: Int) {
        self.textLimit = textLimit
        self.cellLimit = cellLimit
    }

    /// Spends `count` bytes of text, before the text is built.
    ///
    /// - Throws: ``Exceeded/text(limit:)`` when the text would pass ``textLimit``; nothing
    ///   is spent then.
    public mutating func charge(text count: Int) throws(Exceeded) {
        guard count > 0 else { return }
        guard count <= textLimit - textBytes else { throw .text(limit: textLimit) }
        textBytes += count
    }

    /// Spends `count` bytes of text `times` times (a value repeated over cells or rows),
    /// without overflowing however large the product.
    ///
    /// - Throws: ``Exceeded/text(limit:)``.
    public mutating func charge(text count: Int, times: Int) throws(Exceeded) {
        guard count > 0, times > 0 else { return }
        let (total, overflow) = count.multipliedReportingOverflow(by: times)
        guard !overflow else { throw .text(limit: textLimit) }
        try charge(text: total)
    }

    /// Spends `count` cells, before they are materialised.
    ///
    /// - Throws: ``Exceeded/cells(limit:)`` when the cells would pass ``cellLimit``.
    public mutating func charge(cells count: Int) throws(Exceeded) {
        guard count > 0 else { return }
        guard count <= cellLimit - cells else { throw .cells(limit: cellLimit) }
        cells += count
    }

    /// Which part of the budget ran out; the sentence names the limit.
    public enum Exceeded: Error, Sendable, Hashable, CustomStringConvertible {
        /// The text built would pass `limit` bytes.
        case text(limit: Int)
        /// The cells built would pass `limit`.
        case cells(limit: Int)

        /// `more than 64 MiB of text built from this file (…)`, in the readers' wording.
        public var description: String {
            switch self {
            case .text(let limit):
                return "more than \(ReadingBudget.mebibytes(limit)) of text built from this file "
                    + "(the reading limit; a long value repeated over many cells, rows or columns, or "
                    + "many attachments); no answer is that large"
            case .cells(let limit):
                return "more than \(limit) cells in the workbook"
            }
        }
    }

    /// `64 MiB`, `1.5 MiB`: a byte count as the limit is documented (`999 bytes` below 1 MiB).
    static func mebibytes(_ bytes: Int) -> String {
        guard bytes >= 1 << 20 else { return "\(bytes) bytes" }
        let tenths = (bytes / 1024 * 10 + 512) / 1024
        return tenths % 10 == 0 ? "\(tenths / 10) MiB" : "\(tenths / 10).\(tenths % 10) MiB"
    }
}

extension Diagnostic {
    /// The refusal of a file that would build more than its reading budget allows:
    /// `FILE: error: limit exceeded: more than 64 MiB of text built from this file (…)`.
    init(limit: ReadingBudget.Exceeded, file: String) {
        self.init(file: file, message: "limit exceeded: \(limit.description)")
    }
}
