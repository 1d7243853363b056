/// Renders a document's machine-readable form, and nothing else, for `--format json`.
public struct JSONRenderer: ReportRenderer {
    /// Creates the renderer.
    public init() {}

    /// The document's JSON, with a final newline.
    public func render(_ document: Document) -> String {
        document.json.serialized() + "\n"
    }
}
