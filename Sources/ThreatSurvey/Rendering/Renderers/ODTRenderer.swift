/// Renders a document as an OpenDocument text (`.odt`), laid out as a Council document
/// (``WordProcessingLayout``), written by ``ODTWriter``; a chart is left to the table beside it.
///
/// CONTRACT.md, "Council documents: `--format docx` and `--format odt`".
public struct ODTRenderer: BinaryDocumentRenderer {
    /// Creates the renderer.
    public init() {}

    /// The `.odt` file's bytes.
    ///
    /// - Throws: ``SurveyError/internalError(_:)`` when the archive cannot be assembled.
    public func render(_ document: Document) throws(SurveyError) -> [UInt8] {
        do {
            return try ODTWriter().write(WordProcessingLayout.layout(document))
        } catch {
            throw .internalError("cannot assemble the OpenDocument text: \(error)")
        }
    }
}
