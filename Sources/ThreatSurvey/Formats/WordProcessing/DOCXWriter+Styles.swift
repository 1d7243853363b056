extension DOCXWriter {
    /// The style ids the body uses.
    enum StyleID {
        static let normal = "Normal"
        static let title = "Title"
        static let note = "Note"
        static let tableText = "TableText"
        static let tableGrid = "TableGrid"
        static let tableNormal = "TableNormal"

        /// The heading style of outline `level` (1 or 2; others clamped).
        static func heading(_ level: Int) -> String { "Heading\(min(max(level, 1), 2))" }
    }

    /// `styles.xml`: the document defaults (font, size, language), `Normal`, `Title`,
    /// `Heading1`/`Heading2` with their outline levels, `Note`, `TableText`, `Footer`, and the
    /// table styles.
    ///
    /// The language goes into `w:docDefaults`, so every run inherits it: spelling and screen
    /// readers then use the document's language, not the reader's installation default.
    func styles(language: String) -> [UInt8] {
        var xml = XMLWriter()
        xml.start("w:styles", ["xmlns:w": Namespace.w])
        xml.start("w:docDefaults")
        xml.start("w:rPrDefault")
        xml.start("w:rPr")
        let font = "Times New Roman"
        xml.empty("w:rFonts", ["w:ascii": font, "w:hAnsi": font, "w:eastAsia": font, "w:cs": font])
        xml.empty("w:sz", ["w:val": "24"])
        xml.empty("w:szCs", ["w:val": "24"])
        xml.empty("w:lang", ["w:val": language, "w:eastAsia": language, "w:bidi": language])
        xml.end()
        xml.end()
        xml.start("w:pPrDefault")
        xml.start("w:pPr")
        xml.empty("w:spacing", ["w:after": "120", "w:line": "264", "w:lineRule": "auto"])
        xml.end()
        xml.end()
        xml.end()

        paragraphStyle(&xml, id: StyleID.normal, name: "Normal", basedOn: nil, isDefault: true)
        paragraphStyle(
            &xml, id: StyleID.title, name: "Title", spacing: ("0", "240"), bold: true, size: 32)
        for level in 1...2 {
            paragraphStyle(
                &xml, id: StyleID.heading(level), name: "heading \(level)",
                spacing: level == 1 ? ("360", "120") : ("240", "120"), keepNext: true,
                outlineLevel: level - 1, bold: true, size: level == 1 ? 28 : 24)
        }
        paragraphStyle(
            &xml, id: StyleID.note, name: "Note", custom: true, indent: 567, italic: true,
            size: 20)
        paragraphStyle(
            &xml, id: StyleID.tableText, name: "Table Text", custom: true, spacing: ("0", "0"),
            size: 20)
        paragraphStyle(&xml, id: "Footer", name: "footer", spacing: ("0", "0"), size: 20)

        xml.start(
            "w:style", ["w:type": "table", "w:default": "1", "w:styleId": StyleID.tableNormal])
        xml.empty("w:name", ["w:val": "Normal Table"])
        xml.empty("w:uiPriority", ["w:val": "99"])
        xml.empty("w:semiHidden")
        xml.start("w:tblPr")
        xml.empty("w:tblInd", ["w:w": "0", "w:type": "dxa"])
        cellMargins(&xml)
        xml.end()
        xml.end()

        xml.start("w:style", ["w:type": "table", "w:styleId": StyleID.tableGrid])
        xml.empty("w:name", ["w:val": "Table Grid"])
        xml.empty("w:basedOn", ["w:val": StyleID.tableNormal])
        xml.empty("w:uiPriority", ["w:val": "59"])
        xml.start("w:pPr")
        xml.empty("w:spacing", ["w:after": "0", "w:line": "240", "w:lineRule": "auto"])
        xml.end()
        xml.start("w:tblPr")
        xml.start("w:tblBorders")
        for side in ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"] {
            xml.empty(side, ["w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "808080"])
        }
        xml.end()
        cellMargins(&xml)
        xml.end()
        xml.end()
        return xml.finish()
    }

    private func cellMargins(_ xml: inout XMLWriter) {
        xml.start("w:tblCellMar")
        xml.empty("w:top", ["w:w": "28", "w:type": "dxa"])
        xml.empty("w:left", ["w:w": String(WordTable.cellMargin), "w:type": "dxa"])
        xml.empty("w:bottom", ["w:w": "28", "w:type": "dxa"])
        xml.empty("w:right", ["w:w": String(WordTable.cellMargin), "w:type": "dxa"])
        xml.end()
    }

    /// One paragraph style; properties in the schema's order (CT_PPr, CT_RPr).
    private func paragraphStyle(
        _ xml: inout XMLWriter, id: String, name: String, basedOn: String? = StyleID.normal,
        isDefault: Bool = false, custom: Bool = false,
        spacing: (before: String, after: String)? = nil,
        keepNext: Bool = false, indent: Int? = nil, outlineLevel: Int? = nil, bold: Bool = false,
        italic: Bool = false, size: Int? = nil
    ) {
        var attributes = [("w:type", "paragraph")]
        if isDefault { attributes.append(("w:default", "1")) }
        if custom { attributes.append(("w:customStyle", "1")) }
        attributes.append(("w:styleId", id))
        xml.start("w:style", attributes: attributes)
        xml.empty("w:name", ["w:val": name])
        if let basedOn { xml.empty("w:basedOn", ["w:val": basedOn]) }
        if basedOn != nil, id != StyleID.normal { xml.empty("w:next", ["w:val": StyleID.normal]) }
        xml.empty("w:qFormat")
        xml.start("w:pPr")
        if keepNext {
            xml.empty("w:keepNext")
            xml.empty("w:keepLines")
        }
        if let spacing {
            xml.empty("w:spacing", ["w:before": spacing.before, "w:after": spacing.after])
        }
        if let indent { xml.empty("w:ind", ["w:left": String(indent)]) }
        if let outlineLevel { xml.empty("w:outlineLvl", ["w:val": String(outlineLevel)]) }
        xml.end()
        xml.start("w:rPr")
        if bold {
            xml.empty("w:b")
            xml.empty("w:bCs")
        }
        if italic {
            xml.empty("w:i")
            xml.empty("w:iCs")
        }
        if let size {
            xml.empty("w:sz", ["w:val": String(size)])
            xml.empty("w:szCs", ["w:val": String(size)])
        }
        xml.end()
        xml.end()
    }
}
