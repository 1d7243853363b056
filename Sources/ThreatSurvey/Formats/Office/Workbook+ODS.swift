extension Workbook {
    /// Reads an OpenDocument spreadsheet (`.ods`, OASIS ODF 1.2/1.3, as LibreOffice and Excel
    /// write it).
    ///
    /// Each `table:table` of `content.xml` is a sheet. Repeated rows and cells
    /// (`table:number-rows-repeated`, `table:number-columns-repeated`) are expanded only when a
    /// value follows them, so the 1,048,576 blank rows LibreOffice writes at the end of a sheet
    /// cost nothing; values are repeated within the reading budget (``ReadingBudget``: cells and their text). Values come
    /// from `office:value-type`: float, percentage and currency as plain decimals, dates
    /// `YYYY-MM-DD`, times `HH:MM:SS`, booleans `TRUE`/`FALSE`, strings as their paragraphs
    /// joined with line ends (`text:s`, `text:tab`, `text:line-break` honoured; annotations left
    /// out). Covered cells (hidden by a merge) read blank.
    ///
    /// - Throws: ``WorkbookError``, among them ``WorkbookError/limitExceeded(part:message:)``
    ///   past the ``ReadingBudget`` of a file of this size.
    /// - Complexity: O(n) in the size of `content.xml` plus the cells materialized.
    public static func readODS(bytes: [UInt8]) throws(WorkbookError) -> Workbook {
        let archive: ZipArchive
        do { archive = try ZipArchive(bytes: bytes) } catch { throw .archive(error) }
        var budget = ReadingBudget(fileSize: bytes.count)
        return try readODS(archive, budget: &budget)
    }

    static func readODS(_ archive: ZipArchive, budget: inout ReadingBudget)
        throws(WorkbookError) -> Workbook
    {
        if archive.entry(named: "mimetype") != nil {
            let mimetype = String(
                decoding: try XLSXPart.bytes("mimetype", in: archive).prefix(200), as: UTF8.self)
            if !mimetype.hasPrefix("application/vnd.oasis.opendocument.spreadsheet") {
                throw .notAWorkbook(mimetype)
            }
        }
        if archive.entry(named: "META-INF/manifest.xml") != nil {
            let manifest = try XLSXPart.bytes("META-INF/manifest.xml", in: archive)
            if String(decoding: manifest, as: UTF8.self).contains("encryption-data") {
                throw .encrypted
            }
        }
        var reader = ODSContentReader(
            bytes: try XLSXPart.bytes("content.xml", in: archive), budget: budget)
        defer { budget = reader.budget }
        return Workbook(sheets: try reader.read())
    }
}
