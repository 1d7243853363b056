/// Renders documents as Markdown tables and paragraphs, to paste into a Council draft.
///
/// Cell text is escaped (`|`, `<`, `*`, `_`, backticks…) so that a delegation's text shows
/// as written and never becomes markup or a link.
public struct MarkdownRenderer: ReportRenderer {
    /// Creates the renderer.
    public init() {}

    /// The document as Markdown.
    public func render(_ document: Document) -> String {
        var parts: [String] = []
        for block in document.blocks {
            switch block {
            case .heading(let title): parts.append("## " + Self.escape(title))
            case .text(let text): parts.append(Self.escape(text))
            case .note(let text): parts.append("> " + Self.escape(text))
            case .subheading(let title): parts.append("### " + Self.escape(title))
            case .table(let table): parts.append(render(table))
            case .chart: break  // the table beside it gives the same figures
            case .councilHeader(let header):
                parts.append(header.textLines.map(Self.escape).joined(separator: "  \n"))
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    func render(_ table: TextTable) -> String {
        let header = "| " + table.columns.map(Self.escape).joined(separator: " | ") + " |"
        let rule =
            "|"
            + table.columns.indices.map { i in
                i < table.alignments.count && table.alignments[i] == .right ? " ---: " : " --- "
            }.joined(separator: "|") + "|"
        let rows = table.rows.map { row in
            "| "
                + table.columns.indices.map { i in i < row.count ? Self.escape(row[i]) : "" }
                .joined(separator: " | ") + " |"
        }
        return ([header, rule] + rows).joined(separator: "\n")
    }

    /// Backslash-escapes Markdown punctuation and turns line breaks into spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in TableRenderer.sanitize(text, keepNewlines: false) {
            switch character {
            case "\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "(", ")", "#", "+", "!", "|",
                "~":
                out.append("\\")
                out.append(character)
            case "␊", "␍": out.append(" ")
            default: out.append(character)
            }
        }
        return out
    }
}
