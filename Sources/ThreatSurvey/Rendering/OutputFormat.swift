/// The `--format` values (<doc:CommandReference>; <doc:Documents> for `docx` and `odt`).
public enum OutputFormat: String, Sendable, CaseIterable {
    case table
    case markdown
    case csv
    case json
    case html
    /// A Word document (Office Open XML), binary.
    case docx
    /// An OpenDocument text, binary.
    case odt

    /// The renderer of a binary format (`docx`, `odt`); `nil` for the text formats.
    public var binaryRenderer: (any BinaryDocumentRenderer)? {
        switch self {
        case .docx: return .docx
        case .odt: return .odt
        case .table, .markdown, .csv, .json, .html: return nil
        }
    }

    /// Whether the format is a binary file, which is never written to a terminal.
    public var isBinary: Bool { binaryRenderer != nil }

    /// The text renderer for this format.
    ///
    /// A binary format has no text form: its bytes come from ``render(_:)``; here it gives
    /// the Markdown of the same document, for callers that can only show text.
    public var renderer: any ReportRenderer {
        switch self {
        case .table: return .table
        case .markdown, .docx, .odt: return .markdown
        case .csv: return .csv
        case .json: return .json
        case .html: return .html
        }
    }

    /// The document in this format, as bytes: UTF-8 text, or the binary file.
    ///
    /// - Throws: what ``BinaryDocumentRenderer/render(_:)`` throws, for a binary format.
    public func render(_ document: Document) throws(SurveyError) -> [UInt8] {
        if let binaryRenderer { return try binaryRenderer.render(document) }
        return Array(document.render(as: renderer).utf8)
    }
}
