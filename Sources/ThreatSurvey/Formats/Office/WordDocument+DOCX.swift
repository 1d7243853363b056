extension WordDocument {
    /// Reads a Word document (`.docx`, `.docm`: Office Open XML WordprocessingML, ECMA-376).
    ///
    /// The main part is found through `_rels/.rels`. A paragraph's text is its runs' `w:t`,
    /// `w:tab` as a tab, `w:br` (a line break, not a page or column break) and `w:cr` as a line
    /// end; deleted runs (`w:del`), field instructions, drawings and footnote references are left
    /// out, inserted runs (`w:ins`), hyperlinks, fields' results and content controls kept. A
    /// paragraph with direct numbering (`w:numPr`) starts with its list label computed from
    /// `numbering.xml` (`DOCXNumbering`), so "1. Firearms" reads as Word shows it; so does a
    /// paragraph numbered through its style ("List Number"), found in `styles.xml`.
    ///
    /// - Throws: ``DocumentError``, among them ``DocumentError/limitExceeded(_:)`` past the
    ///   ``ReadingBudget`` of a file of this size.
    /// - Complexity: O(n) in the inflated size of the parts read.
    public static func readDOCX(bytes: [UInt8]) throws(DocumentError) -> WordDocument {
        let archive: ZipArchive
        do { archive = try ZipArchive(bytes: bytes) } catch { throw .archive(error) }
        var budget = ReadingBudget(fileSize: bytes.count)
        return try readDOCX(archive, budget: &budget)
    }

    static func readDOCX(_ archive: ZipArchive, budget: inout ReadingBudget)
        throws(DocumentError) -> WordDocument
    {
        if archive.entry(named: "EncryptedPackage") != nil { throw .encrypted }
        let rootRelationships = try relationships(of: "", in: archive)
        let mainPart =
            rootRelationships.first { $0.type.hasSuffix("/officeDocument") }?.target
            ?? "word/document.xml"
        guard archive.entry(named: mainPart) != nil else {
            if archive.entry(named: "xl/workbook.xml") != nil {
                throw .notADocument("an Excel workbook")
            }
            if archive.entry(named: "ppt/presentation.xml") != nil {
                throw .notADocument("a presentation")
            }
            throw .missingPart(mainPart)
        }
        let root = try part(mainPart, in: archive)
        var numbering = DOCXNumbering(root: nil)
        if let target = try relationships(of: mainPart, in: archive).first(where: {
            $0.type.hasSuffix("/numbering")
        })?
        .target, archive.entry(named: target) != nil {
            numbering = DOCXNumbering(root: try part(target, in: archive))
            if let styles = try relationships(of: mainPart, in: archive).first(where: {
                $0.type.hasSuffix("/styles")
            })?
            .target, archive.entry(named: styles) != nil {
                numbering.addStyles(try part(styles, in: archive))
            }
        }
        var collector = Collector(budget: budget)
        defer { budget = collector.budget }
        guard let body = root.child(local: "body") else {
            return WordDocument(paragraphs: [], tables: [])
        }
        try readBlocks(body, numbering: &numbering, into: &collector)
        return WordDocument(paragraphs: collector.paragraphs, tables: collector.tables)
    }

    /// Body-level blocks: paragraphs, tables, and the blocks of content controls.
    private static func readBlocks(
        _ container: XMLElement, numbering: inout DOCXNumbering, into collector: inout Collector
    ) throws(DocumentError) {
        for child in container.children {
            switch child.tag.localName {
            case "p": try collector.add(paragraph: paragraphText(child, numbering: &numbering))
            case "tbl":
                try collector.add(
                    table: tableRows(child, numbering: &numbering, collector: &collector))
            case "sdt":
                if let content = child.child(local: "sdtContent") {
                    try readBlocks(content, numbering: &numbering, into: &collector)
                }
            case "customXml", "ins": try readBlocks(child, numbering: &numbering, into: &collector)
            default: break
            }
        }
    }

    /// A paragraph's list label (if numbered) and text.
    static func paragraphText(_ paragraph: XMLElement, numbering: inout DOCXNumbering) -> String {
        var text = ""
        runText(paragraph, into: &text)
        let properties = paragraph.child(local: "pPr")
        let numPr = properties?.child(local: "numPr")
        let style = properties?.child(local: "pStyle")?.tag.attribute(local: "val")
        let direct = numPr?.child(local: "numId")?.tag.attribute(local: "val")
        let directLevel = numPr?.child(local: "ilvl")?.tag.attribute(local: "val").flatMap {
            Int($0.prefix(3))
        }
        if let (numId, level) = numbering.numbering(
            numId: direct, level: directLevel, style: style),
            !text.allSatisfy(\.isWhitespace),
            let label = numbering.label(numId: numId, level: level)
        {
            text = label + " " + text
        }
        return text
    }

    /// The visible text under `element`, in order.
    private static func runText(_ element: XMLElement, into text: inout String) {
        for child in element.children {
            switch child.tag.localName {
            case "t": text += child.text
            case "tab", "ptab": text += "\t"
            case "cr": text += "\n"
            case "br":
                let type = child.tag.attribute(local: "type") ?? "textWrapping"
                if type == "textWrapping" { text += "\n" }
            case "noBreakHyphen": text += "-"
            case "del", "moveFrom", "pPr", "rPr", "instrText", "delText", "delInstrText", "drawing",
                "pict",
                "object", "footnoteReference", "endnoteReference", "commentReference", "fldData",
                "tbl":
                break
            default: runText(child, into: &text)
            }
        }
    }

    /// A table's rows of cell text; a horizontally merged cell (`w:gridSpan`) is followed by
    /// blank cells so that columns stay where Word shows them.
    private static func tableRows(
        _ table: XMLElement, numbering: inout DOCXNumbering, collector: inout Collector
    ) throws(DocumentError) -> [[String]] {
        var rows: [[String]] = []
        for row in table.children(local: "tr") {
            var cells: [String] = []
            for cell in row.children where cell.tag.localName == "tc" {
                cells.append(try cellText(cell, numbering: &numbering, collector: &collector))
                let span =
                    cell.child(local: "tcPr")?.child(local: "gridSpan")?.tag.attribute(local: "val")
                    .flatMap { Int($0.prefix(4)) } ?? 1
                let extra = min(max(span - 1, 0), 63)
                try collector.count(cells: extra)
                cells += Array(repeating: "", count: extra)
            }
            rows.append(cells)
        }
        return rows
    }

    /// A cell's paragraphs joined with line ends, nested tables flattened into the text.
    ///
    /// A nested table's cells are separated by tabs, its rows by line ends. The text is charged
    /// as it is joined, at every level of nesting, since each level copies it.
    private static func cellText(
        _ cell: XMLElement, numbering: inout DOCXNumbering, collector: inout Collector
    ) throws(DocumentError) -> String {
        var lines: [String] = []
        func blocks(_ container: XMLElement) throws(DocumentError) {
            for child in container.children {
                switch child.tag.localName {
                case "p": lines.append(paragraphText(child, numbering: &numbering))
                case "tbl":
                    for row in child.children(local: "tr") {
                        var texts: [String] = []
                        for nested in row.children(local: "tc") {
                            texts.append(
                                try cellText(nested, numbering: &numbering, collector: &collector))
                        }
                        lines.append(texts.joined(separator: "\t"))
                    }
                case "sdt":
                    if let content = child.child(local: "sdtContent") { try blocks(content) }
                case "customXml", "ins": try blocks(child)
                default: break
                }
            }
        }
        try blocks(cell)
        while lines.last?.isEmpty == true { lines.removeLast() }
        try collector.charge(text: lines.reduce(lines.count) { $0 + $1.utf8.count })
        return lines.joined(separator: "\n")
    }

    /// One package relationship: its type URI and resolved target part.
    struct Relationship {
        var type: String
        var target: String
    }

    /// The relationships of `part` (`""` for the package), as the workbook reader finds them.
    static func relationships(of part: String, in archive: ZipArchive) throws(DocumentError)
        -> [Relationship]
    {
        do {
            return try XLSXPart.relationships(of: part, in: archive).map {
                Relationship(type: $0.type, target: $0.target)
            }
        } catch {
            switch error {
            case .archive(let zip): throw .archive(zip)
            case .xml(let part, let xml): throw .xml(part: part, xml)
            default: throw .missingPart(part)
            }
        }
    }
}
