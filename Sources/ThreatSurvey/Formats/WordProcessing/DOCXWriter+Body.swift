extension DOCXWriter {
    /// `word/document.xml`: the sections' blocks, each section closed by its `w:sectPr`.
    ///
    /// WordprocessingML keeps a section's page setup in the properties of its last paragraph
    /// (the last section's at the end of the body, ECMA-376 Part 1 §17.6.17), so a section
    /// that ends with a paragraph carries it there, and one that ends with a table or chart
    /// gets an empty paragraph to carry it.
    func body(_ document: WordProcessingDocument) -> [UInt8] {
        var xml = XMLWriter()
        xml.start(
            "w:document",
            [
                "xmlns:w": Namespace.w, "xmlns:r": Namespace.r, "xmlns:wp": Namespace.wp,
                "xmlns:a": Namespace.a, "xmlns:c": Namespace.c,
            ])
        xml.start("w:body")
        var chartNumber = 0
        let sections = document.sections.isEmpty ? [WordSection(blocks: [])] : document.sections
        for (index, section) in sections.enumerated() {
            let isLast = index == sections.count - 1
            for (position, block) in section.blocks.enumerated() {
                // The page setup rides on the section's last paragraph when it is one.
                let carries = !isLast && position == section.blocks.count - 1
                switch block {
                case .heading(let text, let level):
                    paragraph(
                        &xml, WordParagraph(text), style: StyleID.heading(level),
                        section: carries ? section.orientation : nil)
                case .paragraph(let value):
                    paragraph(
                        &xml, value, style: Self.styleID(value.style),
                        section: carries ? section.orientation : nil)
                case .table(let table):
                    if !table.isEmpty {
                        self.table(&xml, table, width: Page.textWidth(section.orientation))
                    }
                    if carries { sectionBreak(&xml, section.orientation) }
                case .chart(let chart):
                    chartNumber += 1
                    drawing(&xml, chart, number: chartNumber, orientation: section.orientation)
                    if carries { sectionBreak(&xml, section.orientation) }
                }
            }
            if !isLast, section.blocks.isEmpty { sectionBreak(&xml, section.orientation) }
            if isLast { sectionProperties(&xml, section.orientation) }
        }
        return xml.finish()
    }

    private static func styleID(_ style: WordParagraph.Style) -> String {
        switch style {
        case .body: return StyleID.normal
        case .title: return StyleID.title
        case .note: return StyleID.note
        }
    }

    /// An empty paragraph that ends a section.
    private func sectionBreak(_ xml: inout XMLWriter, _ orientation: WordSection.Orientation) {
        xml.start("w:p")
        xml.start("w:pPr")
        sectionProperties(&xml, orientation)
        xml.end()
        xml.end()
    }

    /// `w:sectPr`: the footer, A4 in `orientation`, the margins.
    private func sectionProperties(_ xml: inout XMLWriter, _ orientation: WordSection.Orientation) {
        xml.start("w:sectPr")
        xml.empty("w:footerReference", ["w:type": "default", "r:id": Self.footerRelationship])
        if orientation == .portrait {
            xml.empty("w:pgSz", ["w:w": String(Page.shortSide), "w:h": String(Page.longSide)])
        } else {
            xml.empty(
                "w:pgSz",
                [
                    "w:w": String(Page.longSide), "w:h": String(Page.shortSide),
                    "w:orient": "landscape",
                ])
        }
        let margin = String(Page.margin)
        xml.empty(
            "w:pgMar",
            [
                "w:top": margin, "w:right": margin, "w:bottom": margin, "w:left": margin,
                "w:header": String(Page.footer), "w:footer": String(Page.footer), "w:gutter": "0",
            ])
        xml.empty("w:cols", ["w:space": "708"])
        xml.end()
    }

    /// A paragraph in `style`, optionally ending a section of `section` orientation.
    private func paragraph(
        _ xml: inout XMLWriter, _ paragraph: WordParagraph, style: String,
        section: WordSection.Orientation? = nil
    ) {
        xml.start("w:p")
        xml.start("w:pPr")
        xml.empty("w:pStyle", ["w:val": style])
        switch paragraph.alignment {
        case .left: break
        case .right: xml.empty("w:jc", ["w:val": "right"])
        case .center: xml.empty("w:jc", ["w:val": "center"])
        }
        if let section { sectionProperties(&xml, section) }
        xml.end()
        runs(&xml, paragraph.text, bold: paragraph.isBold)
        xml.end()
    }

    /// The text as one run: line ends as `w:br`, tabs as `w:tab`, spaces kept.
    private func runs(_ xml: inout XMLWriter, _ text: String, bold: Bool) {
        guard !text.isEmpty else { return }
        xml.start("w:r")
        if bold {
            xml.start("w:rPr")
            xml.empty("w:b")
            xml.empty("w:bCs")
            xml.end()
        }
        let lines = Self.lines(text)
        for (lineIndex, line) in lines.enumerated() {
            if lineIndex > 0 { xml.empty("w:br") }
            for (pieceIndex, piece) in line.split(separator: "\t", omittingEmptySubsequences: false)
                .enumerated()
            {
                if pieceIndex > 0 { xml.empty("w:tab") }
                if !piece.isEmpty {
                    xml.element("w:t", ["xml:space": "preserve"], text: String(piece))
                }
            }
        }
        xml.end()
    }

    /// `text` split at line ends (LF, CR LF, CR, and the Unicode line and paragraph
    /// separators), which a word processor shows as line breaks.
    static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) {
            $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}"
        }
    }

    /// A table: `w:tblHeader` on the header row so that it repeats on every page, header
    /// cells bold on grey, figures right-aligned, shaded cells filled; then an empty
    /// paragraph, so that two tables in a row stay two tables.
    private func table(_ xml: inout XMLWriter, _ table: WordTable, width: Int) {
        let columns = max(table.columnCount, 1)
        let widths = table.columnWidths(total: width)
        xml.start("w:tbl")
        xml.start("w:tblPr")
        xml.empty(
            "w:tblStyle", ["w:val": table.isBorderless ? StyleID.tableNormal : StyleID.tableGrid])
        xml.empty("w:tblW", ["w:w": String(widths.reduce(0, +)), "w:type": "dxa"])
        xml.empty("w:tblLayout", ["w:type": "fixed"])
        xml.empty(
            "w:tblLook",
            [
                "w:val": table.header.isEmpty ? "0000" : "0020",
                "w:firstRow": table.header.isEmpty ? "0" : "1", "w:lastRow": "0",
                "w:firstColumn": "0", "w:lastColumn": "0", "w:noHBand": "1", "w:noVBand": "1",
            ])
        if let caption = table.caption {
            xml.empty("w:tblCaption", ["w:val": caption])
            xml.empty("w:tblDescription", ["w:val": caption])
        }
        xml.end()
        xml.start("w:tblGrid")
        for width in widths { xml.empty("w:gridCol", ["w:w": String(width)]) }
        xml.end()
        if !table.header.isEmpty {
            xml.start("w:tr")
            xml.start("w:trPr")
            xml.empty("w:cantSplit")
            xml.empty("w:tblHeader")
            xml.end()
            for column in 0..<columns {
                cell(
                    &xml, column < table.header.count ? table.header[column] : "",
                    width: widths[column], fill: "E8E8E8", bold: true,
                    right: table.rightAligned.contains(column))
            }
            xml.end()
        }
        for (rowIndex, row) in table.rows.enumerated() {
            xml.start("w:tr")
            xml.start("w:trPr")
            xml.empty("w:cantSplit")
            xml.end()
            for column in 0..<columns {
                let shade = table.shade(row: rowIndex, column: column)
                cell(
                    &xml, column < row.count ? row[column] : "", width: widths[column],
                    fill: shade > 0 ? WordTable.fill(for: shade) : nil, bold: false,
                    right: table.rightAligned.contains(column))
            }
            xml.end()
        }
        xml.end()
        xml.start("w:p")
        xml.start("w:pPr")
        xml.empty("w:spacing", ["w:after": "0"])
        xml.end()
        xml.end()
    }

    private func cell(
        _ xml: inout XMLWriter, _ text: String, width: Int, fill: String?, bold: Bool, right: Bool
    ) {
        xml.start("w:tc")
        xml.start("w:tcPr")
        xml.empty("w:tcW", ["w:w": String(width), "w:type": "dxa"])
        if let fill { xml.empty("w:shd", ["w:val": "clear", "w:color": "auto", "w:fill": fill]) }
        xml.end()
        paragraph(
            &xml, WordParagraph(text, bold: bold, alignment: right ? .right : .left),
            style: StyleID.tableText)
        xml.end()
    }
}
