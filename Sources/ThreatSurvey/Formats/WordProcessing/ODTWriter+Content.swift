extension ODTWriter {
    /// The automatic styles `content.xml` needs, named in the order they are first used (so
    /// the bytes do not depend on hashing): paragraph variants (alignment, bold, a page
    /// orientation change), table and column widths, cell borders and fills.
    struct AutomaticStyles {
        struct ParagraphKey: Hashable {
            var parent: String
            var alignment: WordParagraph.Alignment
            var bold: Bool
            var masterPage: String?
        }

        struct CellKey: Hashable {
            var bordered: Bool
            var fill: String?
        }

        var paragraphs: [ParagraphKey] = []
        var paragraphNames: [ParagraphKey: String] = [:]
        var cells: [CellKey] = []
        var cellNames: [CellKey: String] = [:]
        var xml = XMLWriter(declaration: false)

        /// The style name of a paragraph of `parent` with these variations; `parent` itself
        /// when there are none.
        mutating func paragraph(_ key: ParagraphKey) -> String {
            if key.alignment == .left, !key.bold, key.masterPage == nil { return key.parent }
            if let name = paragraphNames[key] { return name }
            let name = "P\(paragraphs.count + 1)"
            paragraphs.append(key)
            paragraphNames[key] = name
            var attributes = [
                ("style:name", name), ("style:family", "paragraph"),
                ("style:parent-style-name", key.parent),
            ]
            if let master = key.masterPage { attributes.append(("style:master-page-name", master)) }
            xml.start("style:style", attributes: attributes)
            switch key.alignment {
            case .left: break
            case .right: xml.empty("style:paragraph-properties", ["fo:text-align": "end"])
            case .center: xml.empty("style:paragraph-properties", ["fo:text-align": "center"])
            }
            if key.bold {
                xml.empty(
                    "style:text-properties",
                    ["fo:font-weight": "bold", "style:font-weight-complex": "bold"])
            }
            xml.end()
            return name
        }

        /// The style name of a cell with or without borders and fill.
        mutating func cell(_ key: CellKey) -> String {
            if let name = cellNames[key] { return name }
            let name = "Cell\(cells.count + 1)"
            cells.append(key)
            cellNames[key] = name
            xml.start("style:style", ["style:name": name, "style:family": "table-cell"])
            // The same margins as in Word: 1 mm left and right.
            var attributes = [
                ("fo:padding-top", "0.05cm"), ("fo:padding-bottom", "0.05cm"),
                ("fo:padding-left", "0.1cm"), ("fo:padding-right", "0.1cm"),
            ]
            if key.bordered { attributes.append(("fo:border", "0.5pt solid #808080")) }
            if let fill = key.fill { attributes.append(("fo:background-color", "#" + fill)) }
            xml.empty("style:table-cell-properties", attributes: attributes)
            xml.end()
            return name
        }

        /// The styles of table number `number`, returning the table's style name and its
        /// columns'.
        ///
        /// The table's width (and the page orientation change, when it starts a section) and
        /// its columns' widths, `weights` in twips.
        mutating func table(
            number: Int, width: Double, weights: [Int], masterPage: String?
        ) -> (table: String, columns: [String]) {
            let name = "Table\(number)"
            var styleAttributes = [("style:name", name), ("style:family", "table")]
            if let masterPage { styleAttributes.append(("style:master-page-name", masterPage)) }
            xml.start("style:style", attributes: styleAttributes)
            xml.empty(
                "style:table-properties",
                [
                    "style:width": Self.centimetres(width), "fo:margin-bottom": "0.21cm",
                    "table:align": "margins",
                ])
            xml.end()
            let total = max(weights.reduce(0, +), 1)
            var columns: [String] = []
            for (index, weight) in weights.enumerated() {
                let column = "\(name).C\(index + 1)"
                columns.append(column)
                xml.start("style:style", ["style:name": column, "style:family": "table-column"])
                xml.empty(
                    "style:table-column-properties",
                    [
                        "style:column-width": Self.centimetres(
                            width * Double(weight) / Double(total)),
                        "style:rel-column-width": "\(weight)*",
                    ])
                xml.end()
            }
            return (name, columns)
        }

        /// A length in centimetres with three decimals (`16.000cm`).
        static func centimetres(_ value: Double) -> String {
            let thousandths = Int((value * 1000).rounded())
            let fraction = String(thousandths % 1000)
            return "\(thousandths / 1000)."
                + String(repeating: "0", count: 3 - fraction.count) + fraction + "cm"
        }
    }

    /// `content.xml`: the automatic styles found while writing the body, then the body.
    ///
    /// The first block of a section that changes the page orientation carries the master page
    /// in its (automatic) style, which is how ODF starts a new page of another page style.
    func content(_ document: WordProcessingDocument) -> [UInt8] {
        var styles = AutomaticStyles()
        var body = XMLWriter(declaration: false)
        var tableNumber = 0
        var chartNumber = 0
        for (index, section) in document.sections.enumerated() {
            var pendingMaster: String? =
                index == 0 && section.orientation == .portrait
                ? nil : MasterPage.name(section.orientation)
            for block in section.blocks {
                switch block {
                case .heading(let text, let level):
                    let style = styles.paragraph(
                        .init(
                            parent: StyleName.heading(level), alignment: .left, bold: false,
                            masterPage: pendingMaster))
                    body.start(
                        "text:h",
                        [
                            "text:style-name": style,
                            "text:outline-level": String(min(max(level, 1), 2)),
                        ])
                    Self.text(&body, text)
                    body.end()
                case .paragraph(let paragraph):
                    let style = styles.paragraph(
                        .init(
                            parent: Self.styleName(paragraph.style), alignment: paragraph.alignment,
                            bold: paragraph.isBold, masterPage: pendingMaster))
                    body.start("text:p", ["text:style-name": style])
                    Self.text(&body, paragraph.text)
                    body.end()
                case .table(let table):
                    guard !table.isEmpty else { continue }
                    tableNumber += 1
                    self.table(
                        &body, table, number: tableNumber,
                        width: Self.textWidth(section.orientation),
                        masterPage: pendingMaster, styles: &styles)
                case .chart(let chart):
                    chartNumber += 1
                    let style = styles.paragraph(
                        .init(
                            parent: StyleName.body, alignment: .left, bold: false,
                            masterPage: pendingMaster))
                    chartFrame(
                        &body, chart, number: chartNumber,
                        width: Self.textWidth(section.orientation), style: style)
                }
                pendingMaster = nil
            }
        }
        var xml = XMLWriter()
        xml.start(
            "office:document-content",
            [
                "xmlns:office": Namespace.office, "xmlns:style": Namespace.style,
                "xmlns:text": Namespace.text, "xmlns:table": Namespace.table,
                "xmlns:fo": Namespace.fo, "xmlns:svg": Namespace.svg,
                "xmlns:draw": Namespace.draw, "xmlns:xlink": Namespace.xlink,
                "office:version": "1.2",
            ])
        xml.start("office:automatic-styles")
        xml.append(styles.xml)
        xml.end()
        xml.start("office:body")
        xml.start("office:text")
        xml.append(body)
        return xml.finish()
    }

    private static func styleName(_ style: WordParagraph.Style) -> String {
        switch style {
        case .body: return StyleName.body
        case .title: return StyleName.title
        case .note: return StyleName.note
        }
    }

    /// A table: the header row in `table:table-header-rows` (repeated on every page), header
    /// cells in the Table Heading style on grey, figures right-aligned, shaded cells filled.
    private func table(
        _ xml: inout XMLWriter, _ table: WordTable, number: Int, width: Double,
        masterPage: String?, styles: inout AutomaticStyles
    ) {
        let columns = max(table.columnCount, 1)
        // The same widths as in Word, from twips to centimetres.
        let twips = Int((width * 1440 / 2.54).rounded())
        let weights = table.columnWidths(total: twips)
        let names = styles.table(
            number: number, width: width, weights: weights, masterPage: masterPage)
        xml.start("table:table", ["table:name": "Table\(number)", "table:style-name": names.table])
        for column in names.columns {
            xml.empty("table:table-column", ["table:style-name": column])
        }
        let bordered = !table.isBorderless
        func row(_ cells: [String], header: Bool, shades: (Int) -> Double) {
            xml.start("table:table-row")
            for column in 0..<columns {
                let shade = shades(column)
                let fill =
                    header && bordered ? "E8E8E8" : shade > 0 ? WordTable.fill(for: shade) : nil
                let cellStyle = styles.cell(.init(bordered: bordered, fill: fill))
                xml.start(
                    "table:table-cell",
                    ["table:style-name": cellStyle, "office:value-type": "string"])
                let paragraphStyle = styles.paragraph(
                    .init(
                        parent: header ? StyleName.tableHeading : StyleName.tableContents,
                        alignment: table.rightAligned.contains(column) ? .right : .left,
                        bold: false, masterPage: nil))
                xml.start("text:p", ["text:style-name": paragraphStyle])
                Self.text(&xml, column < cells.count ? cells[column] : "")
                xml.end()
                xml.end()
            }
            xml.end()
        }
        if !table.header.isEmpty {
            xml.start("table:table-header-rows")
            row(table.header, header: true) { _ in 0 }
            xml.end()
        }
        for (index, cells) in table.rows.enumerated() {
            row(cells, header: false) { table.shade(row: index, column: $0) }
        }
        xml.end()
    }

    /// Text as ODF keeps it: line ends as `text:line-break`, tabs as `text:tab`, and spaces
    /// that ODF's white-space collapsing would drop (a run of spaces, a space at a line's
    /// start) as `text:s` (ODF 1.2 Part 1 §6.1.2–6.1.4).
    static func text(_ xml: inout XMLWriter, _ text: String) {
        for (lineIndex, line) in DOCXWriter.lines(text).enumerated() {
            if lineIndex > 0 { xml.empty("text:line-break") }
            for (pieceIndex, piece) in line.split(separator: "\t", omittingEmptySubsequences: false)
                .enumerated()
            {
                if pieceIndex > 0 { xml.empty("text:tab") }
                var pending = ""
                var spaces = 0
                var atStart = true
                func flushSpaces() {
                    guard spaces > 0 else { return }
                    // The first space of a run is kept as a space unless it starts the line.
                    let kept = atStart ? 0 : 1
                    if kept == 1 { pending += " " }
                    xml.text(pending)
                    pending = ""
                    let rest = spaces - kept
                    if rest == 1 { xml.empty("text:s") }
                    if rest > 1 { xml.empty("text:s", attributes: [("text:c", String(rest))]) }
                    spaces = 0
                }
                for character in piece {
                    if character == " " {
                        spaces += 1
                    } else {
                        flushSpaces()
                        pending.append(character)
                        atStart = false
                    }
                }
                flushSpaces()
                if !pending.isEmpty { xml.text(pending) }
            }
        }
    }
}
