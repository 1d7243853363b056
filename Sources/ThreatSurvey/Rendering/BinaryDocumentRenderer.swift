/// Turns a ``Document`` into the bytes of a binary file format: a Word or OpenDocument file.
///
/// The counterpart of ``ReportRenderer`` for formats that are not text: their output is
/// bytes, never written to a terminal (the CLI asks for `--out FILE` then). Reached through
/// static members, so that call sites read `document.render(as: .docx)`.
public protocol BinaryDocumentRenderer: Sendable {
    /// The file's bytes.
    ///
    /// - Throws: ``SurveyError/internalError(_:)`` when the file cannot be assembled (a
    ///   document of 4 GiB or more, or zlib out of memory).
    func render(_ document: Document) throws(SurveyError) -> [UInt8]
}

extension Document {
    /// The document as the bytes of a binary format.
    ///
    /// - Throws: what ``BinaryDocumentRenderer/render(_:)`` throws.
    public func render(as renderer: some BinaryDocumentRenderer) throws(SurveyError) -> [UInt8] {
        try renderer.render(self)
    }
}

extension BinaryDocumentRenderer where Self == DOCXRenderer {
    /// A Word document (`.docx`) of the Council's layout.
    public static var docx: DOCXRenderer { DOCXRenderer() }
}

extension BinaryDocumentRenderer where Self == ODTRenderer {
    /// An OpenDocument text (`.odt`) of the Council's layout.
    public static var odt: ODTRenderer { ODTRenderer() }
}
