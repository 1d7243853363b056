extension Workbook {
    /// Reads an Excel workbook (`.xlsx`, `.xlsm`: Office Open XML, ECMA-376 Part 1).
    ///
    /// Sheets come in tab order with their tab names (`xl/workbook.xml`, found through
    /// `_rels/.rels`, with each sheet's part through `xl/_rels/workbook.xml.rels`). Cells are
    /// placed by their reference (`C4`), or after the previous cell when it is missing. Shared
    /// and inline strings (rich-text runs joined, phonetic guides left out, `_x000D_` escapes
    /// decoded), numbers as plain decimals, dates by their number format (1900 and 1904 date
    /// systems), booleans `TRUE`/`FALSE`, errors as written (`#DIV/0!`), formulas as their
    /// cached value (a formula never calculated reads blank).
    ///
    /// - Throws: ``WorkbookError``, among them ``WorkbookError/limitExceeded(part:message:)``
    ///   past the ``ReadingBudget`` of a file of this size.
    /// - Complexity: O(n) in the inflated size of the parts read.
    public static func readXLSX(bytes: [UInt8]) throws(WorkbookError) -> Workbook {
        let archive: ZipArchive
        do { archive = try ZipArchive(bytes: bytes) } catch { throw .archive(error) }
        var budget = ReadingBudget(fileSize: bytes.count)
        return try readXLSX(archive, budget: &budget)
    }

    static func readXLSX(_ archive: ZipArchive, budget: inout ReadingBudget)
        throws(WorkbookError) -> Workbook
    {
        if archive.entry(named: "EncryptedPackage") != nil { throw .encrypted }
        let rootRelationships = try XLSXPart.relationships(of: "", in: archive)
        let workbookPart =
            rootRelationships.first { $0.type.hasSuffix("/officeDocument") }?.target
            ?? "xl/workbook.xml"
        guard archive.entry(named: workbookPart) != nil else {
            if archive.entry(named: "word/document.xml") != nil {
                throw .notAWorkbook("a Word document")
            }
            if archive.entry(named: "ppt/presentation.xml") != nil {
                throw .notAWorkbook("a presentation")
            }
            throw .missingPart(workbookPart)
        }
        let workbook = try XLSXPart.tree(workbookPart, in: archive)
        let relationships = try XLSXPart.relationships(of: workbookPart, in: archive)
        let date1904 =
            workbook.child(local: "workbookPr")?.tag.attribute(local: "date1904").map {
                $0 == "1" || $0 == "true"
            } ?? false

        var sharedStrings: [String] = []
        if let part = relationships.first(where: { $0.type.hasSuffix("/sharedStrings") })?.target,
            archive.entry(named: part) != nil
        {
            sharedStrings = try XLSXPart.sharedStrings(part, in: archive, budget: &budget)
        }
        var formats: [NumberFormat] = []
        if let part = relationships.first(where: { $0.type.hasSuffix("/styles") })?.target,
            archive.entry(named: part) != nil
        {
            formats = try XLSXPart.cellFormats(part, in: archive)
        }

        var sheets: [Sheet] = []
        var partsRead: Set<String> = []
        for sheet in workbook.child(local: "sheets")?.children(local: "sheet") ?? [] {
            let name = sheet.tag.attribute(local: "name") ?? "Sheet\(sheets.count + 1)"
            guard let id = sheet.tag.attributes.first(where: { $0.name.hasSuffix(":id") })?.value,
                let relationship = relationships.first(where: { $0.id == id }),
                relationship.type.hasSuffix("/worksheet")
            else { continue }  // chart and dialog sheets hold no cells
            // Each part is read once: sheets sharing a part would multiply the work.
            guard partsRead.insert(relationship.target).inserted else {
                var locator = XMLReader(
                    bytes: (try? XLSXPart.bytes(workbookPart, in: archive)) ?? [])
                let (line, column) = locator.location(of: sheet.tag.offset)
                throw .malformed(
                    part: workbookPart, line: line, column: column,
                    message:
                        "sheet \(name) uses the part \(relationship.target) of an earlier sheet")
            }
            let context = XLSXSheetReader(
                part: relationship.target, sharedStrings: sharedStrings, formats: formats,
                date1904: date1904)
            let rows = try context.read(archive, budget: &budget)
            sheets.append(Sheet(name: name, rows: rows))
        }
        return Workbook(sheets: sheets)
    }
}
