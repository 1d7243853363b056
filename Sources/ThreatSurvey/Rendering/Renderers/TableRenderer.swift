/// Renders documents as aligned plain text for a terminal.
///
/// Control characters from submissions (which could move the cursor or recolour the
/// terminal) are replaced, so a delegation's text is only ever shown as text.
public struct TableRenderer: ReportRenderer {
    /// Creates the renderer.
    public init() {}

    /// The document as terminal text.
    public func render(_ document: Document) -> String {
        var out = ""
        for (index, block) in document.blocks.enumerated() {
            switch block {
            case .heading(let title):
                if index > 0 { out += "\n" }
                let clean = Self.wrap(Self.sanitize(title), indent: "")
                let widest = clean.split(separator: "\n").map(\.count).max() ?? 0
                out += clean + "\n" + String(repeating: "=", count: min(widest, 78)) + "\n"
            case .text(let text):
                // Lines laid out with runs of spaces, and compiler-style diagnostics (which
                // editors parse line by line), are kept; running prose is wrapped.
                let lines = Self.sanitize(text, keepNewlines: true).split(
                    separator: "\n", omittingEmptySubsequences: false)
                out +=
                    lines.map { line in
                        line.contains("  ") || Self.isDiagnostic(line)
                            ? String(line) : Self.wrap(String(line), indent: "")
                    }
                    .joined(separator: "\n") + "\n"
            case .note(let text):
                out +=
                    Self.wrap("note: " + Self.sanitize(text, keepNewlines: true), indent: "      ")
                    + "\n"
            case .subheading(let title):
                if index > 0 { out += "\n" }
                let clean = Self.wrap(Self.sanitize(title), indent: "")
                let widest = clean.split(separator: "\n").map(\.count).max() ?? 0
                out += clean + "\n" + String(repeating: "-", count: min(widest, 78)) + "\n"
            case .table(let table):
                out += render(table)
            case .chart:
                // The figures are in the table beside it; a terminal draws no chart.
                break
            case .councilHeader(let header):
                out += header.textLines.map { Self.sanitize($0) }.joined(separator: "\n") + "\n"
            }
        }
        return out
    }

    func render(_ table: TextTable) -> String {
        let columns = table.columns.map { Self.sanitize($0) }
        let rows = table.rows.map { row in
            (0..<columns.count).map { i in
                let cell = i < row.count ? Self.sanitize(row[i]) : ""
                // Long cells are cut (with …) except in the last column, to fit 80 columns.
                return i < columns.count - 1 && cell.count > Self.maximumCellWidth
                    ? String(cell.prefix(Self.maximumCellWidth - 1)) + "…" : cell
            }
        }
        var widths = columns.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: widths[i] - cell.count)
                let right = i < table.alignments.count && table.alignments[i] == .right
                let isLast = i == cells.count - 1
                parts.append(right ? padding + cell : (isLast ? cell : cell + padding))
            }
            var text = "  " + parts.joined(separator: "  ")
            // Trailing padding dropped in place (reversing every line was most of the time
            // of a 200,000-row receipt).
            while text.utf8.last == UInt8(ascii: " ") { text.removeLast() }
            return text + "\n"
        }
        var out = line(columns)
        out +=
            "  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { out += line(row) }
        return out
    }

    static func isDiagnostic(_ line: Substring) -> Bool {
        [": error: ", ": warning: ", ": note: "].contains { line.contains($0) }
    }

    /// Widest cell shown in full in a column that is not the last.
    static let maximumCellWidth = 36

    /// Wraps each line of `text` at 78 columns, continuation lines indented.
    static func wrap(_ text: String, indent: String, width: Int = 78) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.count > width else { return String(line) }
            var lines: [String] = []
            var current = ""
            for word in line.split(separator: " ", omittingEmptySubsequences: false) {
                let candidate = current.isEmpty ? String(word) : current + " " + word
                if candidate.count > width, !current.isEmpty {
                    lines.append(current)
                    current = indent + word
                } else {
                    current = candidate
                }
            }
            lines.append(current)
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// Text made safe for a terminal by ``TerminalText/safe(_:keepingLineBreaks:)``, the one
    /// sanitizer of the tool.
    static func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
        TerminalText.safe(text, keepingLineBreaks: keepNewlines)
    }
}
