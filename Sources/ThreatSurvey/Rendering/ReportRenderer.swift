/// Turns a ``Document`` into the text of one output format.
///
/// One type per format (`Renderers/`), reached through static members so that call sites
/// read `document.render(as: .csv)`.
public protocol ReportRenderer: Sendable {
    /// The document's text, ending with a newline.
    func render(_ document: Document) -> String
}

extension Document {
    /// The document rendered by `renderer`.
    public func render(as renderer: some ReportRenderer) -> String {
        renderer.render(self)
    }
}

extension ReportRenderer where Self == TableRenderer {
    /// Aligned text for an 80-column terminal.
    public static var table: TableRenderer { TableRenderer() }
}

extension ReportRenderer where Self == MarkdownRenderer {
    /// GitHub-flavoured Markdown, to paste into a draft.
    public static var markdown: MarkdownRenderer { MarkdownRenderer() }
}

extension ReportRenderer where Self == CSVRenderer {
    /// RFC 4180 CSV that opens cleanly in Excel, formulas neutralised.
    public static var csv: CSVRenderer { CSVRenderer() }
}

extension ReportRenderer where Self == JSONRenderer {
    /// The contract's JSON shape.
    public static var json: JSONRenderer { JSONRenderer() }
}
