/// Renders a document as a small self-contained HTML page (`--format html`).
///
/// Every piece of text is escaped (``HTMLReport/escape(_:)``), so a delegation's text shows as
/// written and never becomes markup.
public struct HTMLRenderer: ReportRenderer {
    /// Creates the renderer.
    public init() {}

    /// The document as an HTML page.
    public func render(_ document: Document) -> String {
        let e = HTMLReport.escape
        var body = ""
        for block in document.blocks {
            switch block {
            case .heading(let title): body += "<h2>\(e(title))</h2>\n"
            case .text(let text):
                body +=
                    "<p>\(e(text).split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "<br/>"))</p>\n"
            case .subheading(let title): body += "<h3>\(e(title))</h3>\n"
            case .note(let text): body += "<p class=\"note\">\(e(text))</p>\n"
            case .chart: break  // the table beside it gives the same figures
            case .councilHeader(let header):
                body +=
                    "<header class=\"council\">"
                    + header.textLines.map { "<p>\(e($0))</p>" }.joined() + "</header>\n"
            case .table(let table):
                body +=
                    "<table>\n<tr>" + table.columns.map { "<th>\(e($0))</th>" }.joined() + "</tr>\n"
                for row in table.rows {
                    body += "<tr>"
                    for i in table.columns.indices {
                        let right = i < table.alignments.count && table.alignments[i] == .right
                        body +=
                            "<td\(right ? " class=\"n\"" : "")>\(e(i < row.count ? row[i] : ""))</td>"
                    }
                    body += "</tr>\n"
                }
                body += "</table>\n"
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="\(e(document.language))"><head><meta charset="utf-8"/><title>\(e(document.title ?? "threatsurvey"))</title>
            <style>body{font-family:Arial,sans-serif}table{border-collapse:collapse}th,td{border:1px solid #888;padding:2px 6px}td.n{text-align:right}.note{color:#444}</style>
            </head><body>
            \(body)</body></html>

            """
    }
}

extension ReportRenderer where Self == HTMLRenderer {
    /// A small HTML page, every text escaped.
    public static var html: HTMLRenderer { HTMLRenderer() }
}
