/// Renders a document as an OpenDocument text (`.odt`), laid out as a Council document
/// (`WordProcessingLayout`), written by ``ODTWriter``; a chart is left to the table beside it.
///
/// CONTRACT.md, "Council documents: `--format docx` and `--format odt`".
public struct ODTRenderer: BinaryDocumentRenderer {
    /// Creates the renderer.
    public init() {}

    /// The `.odt` file's bytes.
    ///
    /// - Throws: ``SurveyError/internalError(_:)`` when the archive cannot be assembled.
    public func render(_ document: Document) throws(SurveyError) -> [UInt8] {
        try WordProcessingLayout.write(document, as: "OpenDocument text") {
            (laid) throws(ZipError) in try ODTWriter().write(laid)
        }
    }
}
