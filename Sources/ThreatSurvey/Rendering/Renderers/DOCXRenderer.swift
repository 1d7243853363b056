/// Renders a document as a Word file (`.docx`), laid out as a Council document
/// (`WordProcessingLayout`), written by ``DOCXWriter``; a chart becomes a native Word chart.
///
/// CONTRACT.md, "Council documents: `--format docx` and `--format odt`".
public struct DOCXRenderer: BinaryDocumentRenderer {
    /// Creates the renderer.
    public init() {}

    /// The `.docx` file's bytes.
    ///
    /// - Throws: ``SurveyError/internalError(_:)`` when the archive cannot be assembled.
    public func render(_ document: Document) throws(SurveyError) -> [UInt8] {
        try WordProcessingLayout.write(document, as: "Word document") {
            (laid) throws(ZipError) in try DOCXWriter().write(laid)
        }
    }
}
