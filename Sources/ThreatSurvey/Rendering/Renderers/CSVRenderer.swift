/// Renders a document's table as RFC 4180 CSV that opens cleanly in Excel.
///
/// A UTF-8 BOM lets Excel read accents; a cell that begins with `=`, `+`, `-`, `@`, tab or
/// carriage return is prefixed with `'`, so that text from a submission can never run as a
/// formula (OWASP "CSV injection"). Plain numbers, negative ones included, are left as
/// numbers.
public struct CSVRenderer: ReportRenderer {
    /// Creates the renderer.
    public init() {}

    /// The document's CSV table (``Document/csv``, else its first table).
    public func render(_ document: Document) -> String {
        let table =
            document.csv
            ?? document.blocks.lazy.compactMap { block -> TextTable? in
                if case .table(let t) = block { return t }
                return nil
            }.first
        guard let table else { return "" }
        var out = "\u{FEFF}"
        out += table.columns.map(Self.cell).joined(separator: ",") + "\r\n"
        for row in table.rows {
            out +=
                table.columns.indices.map { i in Self.cell(i < row.count ? row[i] : "") }
                .joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// One cell, neutralised and quoted when needed.
    static func cell(_ raw: String) -> String {
        var text = raw
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
            Double(text) == nil
        {
            text = "'" + text
        }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }
        ) {
            return "\""
                + text.split(separator: "\"", omittingEmptySubsequences: false).joined(
                    separator: "\"\"") + "\""
        }
        return text
    }
}
