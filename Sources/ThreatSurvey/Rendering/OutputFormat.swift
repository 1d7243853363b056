/// The `--format` values (<doc:CommandReference>).
public enum OutputFormat: String, Sendable, CaseIterable {
    case table
    case markdown
    case csv
    case json
    case html

    /// The renderer for this format.
    public var renderer: any ReportRenderer {
        switch self {
        case .table: return .table
        case .markdown: return .markdown
        case .csv: return .csv
        case .json: return .json
        case .html: return .html
        }
    }
}
