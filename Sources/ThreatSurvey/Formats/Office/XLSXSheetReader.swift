/// Reads one worksheet part (`xl/worksheets/sheetN.xml`) into rows of cell text, in one pass.
///
/// Only `<sheetData>` matters: `<row r>` and `<c r t s>` with `<v>` (the value or cached
/// formula result) or `<is>` (an inline string). References place cells, so rows and cells
/// written out of order or with gaps land where Excel shows them.
struct XLSXSheetReader {
    /// The worksheet's part name.
    var part: String
    /// The workbook's shared string table.
    var sharedStrings: [String]
    /// Number format kind of each cell style index.
    var formats: [NumberFormat]
    /// Whether the workbook uses the 1904 date system.
    var date1904: Bool

    /// The sheet's rows, trailing blanks trimmed, charged to `budget`.
    ///
    /// - Throws: ``WorkbookError`` for XML errors, bad references and shared string indexes,
    ///   rows or columns beyond Excel's, and the reading budget (cells and their text, shared
    ///   strings counted once per cell that shows them).
    /// - Complexity: O(n) in the part's size.
    func read(_ archive: ZipArchive, budget: inout ReadingBudget) throws(WorkbookError)
        -> [[String]]
    {
        var reader = XMLReader(bytes: try XLSXPart.bytes(part, in: archive))
        var builder = GridBuilder()
        var row = 0
        var rowCells: [(column: Int, value: String)] = []
        var column = 0
        var cell: XMLTag?
        var cellRow = 0
        var value = ""
        var inValue = false
        var inline: XLSXText?

        func flush(_ builder: inout GridBuilder, budget: inout ReadingBudget)
            throws(WorkbookError)
        {
            defer { rowCells.removeAll(keepingCapacity: true) }
            if rowCells.isEmpty { return }
            try builder.place(row: row, cells: rowCells, budget: &budget, part: part)
        }

        do {
            while let event = try reader.next() {
                switch event {
                case .start(let tag):
                    switch tag.localName {
                    case "row":
                        try flush(&builder, budget: &budget)
                        if let r = tag.attribute("r") {
                            guard let number = Int(r), number >= 1, number <= Workbook.maximumRows
                            else {
                                throw malformed(
                                    &reader, tag,
                                    "row number \(r) is not between 1 and \(Workbook.maximumRows)")
                            }
                            row = number
                        } else {
                            row += 1
                        }
                        guard row <= Workbook.maximumRows else {
                            throw malformed(&reader, tag, "more than \(Workbook.maximumRows) rows")
                        }
                        column = 0
                    case "c":
                        cellRow = row
                        if let r = tag.attribute("r") {
                            guard let (refRow, refColumn) = Self.reference(r) else {
                                throw malformed(
                                    &reader, tag, "\(r) is not a cell reference (A1 to XFD1048576)")
                            }
                            column = refColumn
                            if let refRow, refRow != row {
                                // A cell whose reference names another row: place it there.
                                try flush(&builder, budget: &budget)
                                row = refRow
                                cellRow = refRow
                            }
                        } else {
                            column += 1
                        }
                        guard column <= Workbook.maximumColumns, row >= 1 else {
                            throw malformed(
                                &reader, tag, "a cell beyond column XFD or outside a row")
                        }
                        cell = tag
                        value = ""
                        inline = nil
                    case "v":
                        inValue = cell != nil
                    case "is":
                        if cell != nil { inline = XLSXText() }
                    default:
                        inline?.start(tag.localName)
                    }
                case .text(let text):
                    if inValue { value += text } else { inline?.append(text) }
                case .end(let name):
                    switch XMLTag.local(name) {
                    case "v":
                        inValue = false
                    case "is":
                        if let text = inline?.value { value = text }
                        inline = nil
                    case "c":
                        if let tag = cell {
                            let text = try cellText(tag, value, &reader)
                            if !text.isEmpty {
                                // A row holds at most one cell per column: a part repeating
                                // cells is placed (and charged) as it goes, never piled up.
                                if cellRow != row || rowCells.count >= Workbook.maximumColumns {
                                    try flush(&builder, budget: &budget)
                                }
                                rowCells.append((column, text))
                            }
                        }
                        cell = nil
                    case "row", "sheetData":
                        try flush(&builder, budget: &budget)
                    case let local:
                        inline?.end(local)
                    }
                }
            }
        } catch let error as XMLError {
            throw .xml(part: part, error)
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw .malformed(part: part, line: 0, column: 0, message: "\(error)")
        }
        try flush(&builder, budget: &budget)
        return builder.rows
    }

    /// The text of a finished cell.
    private func cellText(_ tag: XMLTag, _ value: String, _ reader: inout XMLReader)
        throws(WorkbookError) -> String
    {
        switch tag.attribute("t") ?? "n" {
        case "s":
            guard let index = Int(value) ?? Int(value.trimmingSpaces), index >= 0,
                index < sharedStrings.count
            else {
                if value.isEmpty { return "" }
                throw malformed(
                    &reader, tag,
                    "shared string \(value) does not exist (\(sharedStrings.count) strings)")
            }
            return sharedStrings[index]
        case "b":
            switch value.trimmingSpaces {
            case "1", "true": return "TRUE"
            case "0", "false": return "FALSE"
            default: return value
            }
        case "d":
            // An ISO 8601 date-time (strict OOXML): midnight reads as a date alone.
            if value.count >= 19, value.dropFirst(10).hasPrefix("T00:00:00") {
                return String(value.prefix(10))
            }
            return value.replacingFirstT
        case "inlineStr", "str", "e":
            return value
        default:
            guard let plain = NumberFormat.plain(value) else { return value }
            if let style = tag.attribute("s").flatMap({ Int($0) }), style >= 0,
                style < formats.count,
                formats[style] != .number, let serial = Double(value),
                let text = formats[style].text(serial: serial, date1904: date1904)
            {
                return text
            }
            return plain
        }
    }

    private func malformed(_ reader: inout XMLReader, _ tag: XMLTag, _ message: String)
        -> WorkbookError
    {
        let (line, column) = reader.location(of: tag.offset)
        return .malformed(part: part, line: line, column: column, message: message)
    }

    /// The 1-based row (if written) and column of a reference such as `C4`, `c4` or `XFD`.
    static func reference(_ text: String) -> (row: Int?, column: Int)? {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((byte | 0x20) - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: "$"):
                continue
            default:
                return nil
            }
        }
        guard letters > 0, column <= Workbook.maximumColumns else { return nil }
        if digits == 0 { return (nil, column) }
        guard row >= 1, row <= Workbook.maximumRows else { return nil }
        return (row, column)
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line ends.
    fileprivate var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }),
            let last = lastIndex(where: { !isSpace($0) })
        else {
            return ""
        }
        return self[first...last]
    }

    /// `2024-01-31T10:00:00` as `2024-01-31 10:00:00`, the form dates with times take here.
    fileprivate var replacingFirstT: String {
        guard count >= 11, let t = firstIndex(of: "T"), distance(from: startIndex, to: t) == 10
        else { return self }
        return String(self[..<t]) + " " + String(self[index(after: t)...])
    }
}
