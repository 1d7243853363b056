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

    /// How a format is made: text from a ``ReportRenderer``, or a binary file from a
    /// ``BinaryDocumentRenderer``; one switch, so that no caller can take one for the other.
    public enum Kind: Sendable {
        /// A text format (UTF-8).
        case text(any ReportRenderer)
        /// A binary file (`docx`, `odt`), never written to a terminal.
        case binary(any BinaryDocumentRenderer)
    }

    /// How this format is made.
    public var kind: Kind {
        switch self {
        case .table: return .text(.table)
        case .markdown: return .text(.markdown)
        case .csv: return .text(.csv)
        case .json: return .text(.json)
        case .html: return .text(.html)
        case .docx: return .binary(.docx)
        case .odt: return .binary(.odt)
        }
    }

    /// The renderer of a text format; `nil` for a binary one, which has no text form (its
    /// bytes come from ``render(_:)``).
    public var textRenderer: (any ReportRenderer)? {
        if case .text(let renderer) = kind { return renderer }
        return nil
    }

    /// Whether the format is a binary file, which is never written to a terminal.
    public var isBinary: Bool { textRenderer == nil }

    /// The document in this format, as bytes: UTF-8 text, or the binary file.
    ///
    /// - Throws: what ``BinaryDocumentRenderer/render(_:)`` throws, for a binary format.
    public func render(_ document: Document) throws(SurveyError) -> [UInt8] {
        switch kind {
        case .text(let renderer): return Array(document.render(as: renderer).utf8)
        case .binary(let renderer): return try renderer.render(document)
        }
    }
}
