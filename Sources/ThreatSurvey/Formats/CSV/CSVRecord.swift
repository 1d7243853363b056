/// One CSV record with the position of each field, so errors can point at a cell.
public struct CSVRecord: Sendable, Hashable {
    /// The field values, quotes removed and doubled quotes undone.
    public var fields: [String]
    /// 1-based line on which each field starts.
    public var lines: [Int]
    /// 1-based column (characters) at which each field starts.
    public var columns: [Int]

    /// The line on which the record starts.
    public var line: Int { lines.first ?? 0 }

    /// The location of field `index` in `file` (the record's end for a missing field).
    public func location(ofField index: Int, in file: String) -> SourceLocation {
        if index < fields.count {
            return SourceLocation(file: file, line: lines[index], column: columns[index])
        }
        return SourceLocation(file: file, line: lines.last ?? 0, column: (columns.last ?? 1))
    }

    /// The field at `index`, or `""` when the row is short (ragged rows are common in Excel).
    public subscript(safe index: Int) -> String {
        index < fields.count ? fields[index] : ""
    }
}
