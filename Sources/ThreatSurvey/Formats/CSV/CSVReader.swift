/// An RFC 4180 CSV reader over UTF-8 bytes that streams and remembers positions.
///
/// Written for the tool (no package dependencies). It accepts what Excel and other tools
/// really write: `,` `;` or tab delimiters, quoted fields with doubled quotes, delimiters and
/// line breaks inside quotes, CRLF, LF or CR line ends, and a last record without a line end.
/// Where a file strays from RFC 4180 in a way with one obvious reading (a quote inside an
/// unquoted field, text after a closing quote), the text is kept as written and a warning is
/// recorded; an unclosed quote is an error, because the rest of the file would be swallowed.
///
/// Bytes are fed in chunks of any size (``feed(_:emit:)``), so a file larger than memory
/// streams through; blank lines are skipped.
///
/// See [RFC 4180](https://www.rfc-editor.org/rfc/rfc4180).
package struct CSVReader {
    /// A deviation from RFC 4180 found while reading.
    public struct Problem: Sendable, Hashable {
        /// What kind of deviation.
        public enum Kind: Sendable, Hashable {
            /// A quoted field was still open at the end of the input (an error).
            case unclosedQuote
            /// Characters followed a closing quote before the delimiter (kept, a warning).
            case textAfterClosingQuote
            /// A quote appeared inside an unquoted field (kept literally, a warning).
            case quoteInUnquotedField
            /// A field was longer than ``CSVReader/maximumFieldBytes`` (an error).
            case fieldTooLong
            /// A record had more than ``CSVReader/maximumFieldsPerRecord`` fields (an error);
            /// the position is that of the first field past the limit.
            case tooManyFields
        }

        /// The kind.
        public var kind: Kind
        /// 1-based line.
        public var line: Int
        /// 1-based column.
        public var column: Int
    }

    private enum State {
        case fieldStart
        case unquoted
        case quoted
        case quoteInQuoted
        case afterCR
    }

    /// The delimiter byte (`,`, `;` or tab).
    public let delimiter: UInt8
    /// Deviations found so far, in order.
    public private(set) var problems: [Problem] = []
    /// Longest field accepted, in bytes; a longer one is cut and reported by the caller.
    public var maximumFieldBytes = 1 << 20
    /// The default of ``maximumFieldsPerRecord``: 10,000.
    public static let defaultMaximumFieldsPerRecord = 10_000
    /// Most fields kept in one record; the fields past it are skipped (never decoded or
    /// held) and reported once per record (``Problem/Kind/tooManyFields``).
    ///
    /// A record is held whole until its line ends, so without this bound one long line of
    /// delimiters (`a,a,a,…`, 50 MB) became 25 million strings: a minute and more than a
    /// gigabyte before the first error. No answer file has that many columns (one per
    /// threat or question).
    public var maximumFieldsPerRecord = CSVReader.defaultMaximumFieldsPerRecord

    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var fields: [String] = []
    private var lines: [Int] = []
    private var columns: [Int] = []
    private var line = 1
    private var column = 1
    private var fieldLine = 1
    private var fieldColumn = 1
    private var fieldWasQuoted = false
    private var fieldTooLong = false
    private var recordTooWide = false

    /// A reader for `delimiter`.
    public init(delimiter: UInt8) {
        self.delimiter = delimiter
    }

    /// Reads a whole buffer and returns its records.
    ///
    /// - Complexity: O(n).
    public static func records(
        in bytes: [UInt8], delimiter: UInt8
    ) -> (records: [CSVRecord], problems: [Problem]) {
        var unlimited = ReadingBudget(textLimit: .max, cellLimit: .max)
        // An unlimited budget never runs out.
        return (try? records(in: bytes, delimiter: delimiter, budget: &unlimited)) ?? ([], [])
    }

    /// Reads a whole buffer and returns its records, each record's fields charged to
    /// `budget` as cells before the record is kept: a file of a hundred million empty fields
    /// (`,` and line ends) stops at the budget instead of holding a record for each.
    ///
    /// - Throws: ``ReadingBudget/Exceeded`` when the fields pass the budget's cells.
    /// - Complexity: O(n).
    public static func records(
        in bytes: [UInt8], delimiter: UInt8, budget: inout ReadingBudget
    ) throws(ReadingBudget.Exceeded) -> (records: [CSVRecord], problems: [Problem]) {
        var reader = CSVReader(delimiter: delimiter)
        var out: [CSVRecord] = []
        func keep(_ record: CSVRecord) throws(ReadingBudget.Exceeded) {
            try budget.charge(cells: record.fields.count)
            out.append(record)
        }
        do {
            try bytes.withUnsafeBufferPointer { buffer in
                try reader.feed(buffer) { try keep($0) }
            }
            try reader.finish { try keep($0) }
        } catch let exceeded as ReadingBudget.Exceeded {
            throw exceeded
        } catch {
            // `keep` throws nothing else.
            throw .cells(limit: budget.cellLimit)
        }
        return (out, reader.problems)
    }

    /// Reads the next chunk, calling `emit` for every record it completes.
    ///
    /// - Complexity: O(chunk.count).
    public mutating func feed(
        _ chunk: UnsafeBufferPointer<UInt8>, emit: (CSVRecord) throws -> Void
    ) rethrows {
        let quote = UInt8(ascii: "\"")
        let lf: UInt8 = 0x0A
        let cr: UInt8 = 0x0D
        var i = 0
        let n = chunk.count
        while i < n {
            let byte = chunk[i]
            switch state {
            case .afterCR:
                state = .fieldStart
                if byte == lf {
                    i += 1
                    continue
                }
            case .fieldStart:
                fieldLine = line
                fieldColumn = column
                fieldWasQuoted = false
                if byte == quote {
                    fieldWasQuoted = true
                    state = .quoted
                    step(byte)
                    i += 1
                    continue
                }
                state = .unquoted
            case .unquoted:
                // Take the run of ordinary bytes in one go.
                var j = i
                while j < n {
                    let b = chunk[j]
                    if b == delimiter || b == lf || b == cr || b == quote { break }
                    if b & 0xC0 != 0x80 { column += 1 }
                    j += 1
                }
                append(chunk, i, j)
                i = j
                guard i < n else { continue }
                if try handleBoundary(chunk[i], emit: emit) {
                    i += 1
                    continue
                }
                // A quote inside an unquoted field: keep it.
                problems.append(Problem(kind: .quoteInUnquotedField, line: line, column: column))
                field.append(quote)
                step(quote)
                i += 1
            case .quoted:
                var j = i
                while j < n {
                    let b = chunk[j]
                    if b == quote { break }
                    if b == lf {
                        line += 1
                        column = 1
                    } else if b & 0xC0 != 0x80 {
                        column += 1
                    }
                    j += 1
                }
                append(chunk, i, j)
                i = j
                if i < n {
                    state = .quoteInQuoted
                    step(quote)
                    i += 1
                }
            case .quoteInQuoted:
                if byte == quote {
                    field.append(quote)
                    state = .quoted
                    step(byte)
                    i += 1
                } else if byte == delimiter || byte == lf || byte == cr {
                    _ = try handleBoundary(byte, emit: emit)
                    i += 1
                } else {
                    problems.append(
                        Problem(kind: .textAfterClosingQuote, line: line, column: column))
                    state = .unquoted
                }
            }
        }
    }

    /// Ends the input: completes the last record and reports an unclosed quote.
    public mutating func finish(emit: (CSVRecord) throws -> Void) rethrows {
        switch state {
        case .quoted:
            problems.append(Problem(kind: .unclosedQuote, line: fieldLine, column: fieldColumn))
            endField()
            try endRecord(emit)
        case .unquoted, .quoteInQuoted:
            endField()
            try endRecord(emit)
        case .fieldStart:
            if !fields.isEmpty {
                endField()
                try endRecord(emit)
            }
        case .afterCR:
            break
        }
        state = .fieldStart
    }

    /// Handles a delimiter or line-end byte; returns `false` for any other byte.
    private mutating func handleBoundary(
        _ b: UInt8, emit: (CSVRecord) throws -> Void
    ) rethrows -> Bool {
        if b == delimiter {
            endField()
            step(b)
            state = .fieldStart
            return true
        }
        if b == 0x0A || b == 0x0D {
            endField()
            try endRecord(emit)
            line += 1
            column = 1
            state = b == 0x0D ? .afterCR : .fieldStart
            return true
        }
        return false
    }

    private mutating func append(_ chunk: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) {
        guard from < to, !recordTooWide else { return }
        let room = maximumFieldBytes - field.count
        if to - from > room, !fieldTooLong {
            fieldTooLong = true
            problems.append(Problem(kind: .fieldTooLong, line: fieldLine, column: fieldColumn))
        }
        guard room > 0 else { return }
        field.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[from..<min(to, from + room)]))
    }

    private mutating func step(_ byte: UInt8) {
        if byte & 0xC0 != 0x80 { column += 1 }
    }

    private mutating func endField() {
        fieldTooLong = false
        if fields.count >= maximumFieldsPerRecord {
            if !recordTooWide {
                recordTooWide = true
                problems.append(Problem(kind: .tooManyFields, line: fieldLine, column: fieldColumn))
            }
            field.removeAll(keepingCapacity: true)
            return
        }
        fields.append(String(decoding: field, as: UTF8.self))
        lines.append(fieldLine)
        columns.append(fieldColumn)
        field.removeAll(keepingCapacity: true)
    }

    private mutating func endRecord(_ emit: (CSVRecord) throws -> Void) rethrows {
        defer {
            recordTooWide = false
            fields.removeAll(keepingCapacity: true)
            lines.removeAll(keepingCapacity: true)
            columns.removeAll(keepingCapacity: true)
        }
        // A blank line is one empty, unquoted field: skip it.
        if fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted { return }
        try emit(CSVRecord(fields: fields, lines: lines, columns: columns))
    }
}
