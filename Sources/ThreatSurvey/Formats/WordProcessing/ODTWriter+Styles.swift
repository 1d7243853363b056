extension ODTWriter {
    /// The common paragraph styles the content uses (ODF encodes spaces in style names as
    /// `_20_`; the display names are the usual LibreOffice ones).
    enum StyleName {
        static let body = "Text_20_body"
        static let title = "Title"
        static let note = "Note"
        static let tableContents = "Table_20_Contents"
        static let tableHeading = "Table_20_Heading"

        /// The heading style of outline `level` (1 or 2; others clamped).
        static func heading(_ level: Int) -> String { "Heading_20_\(min(max(level, 1), 2))" }
    }

    /// `styles.xml`: the default style (font, size, language), the common paragraph styles
    /// with outline levels on the headings, the two A4 page layouts and their master pages,
    /// each with the page number in its footer.
    func styles(language: String) -> [UInt8] {
        var xml = XMLWriter()
        xml.start(
            "office:document-styles",
            [
                "xmlns:office": Namespace.office, "xmlns:style": Namespace.style,
                "xmlns:text": Namespace.text, "xmlns:table": Namespace.table,
                "xmlns:fo": Namespace.fo, "xmlns:svg": Namespace.svg, "office:version": "1.2",
            ])
        xml.start("office:font-face-decls")
        xml.empty(
            "style:font-face",
            [
                "style:name": "Times New Roman", "svg:font-family": "'Times New Roman'",
                "style:font-family-generic": "roman", "style:font-pitch": "variable",
            ])
        xml.end()

        xml.start("office:styles")
        xml.start("style:default-style", ["style:family": "paragraph"])
        // A tab stop every 1.25 cm, as Word's default: without it a tab has no width.
        xml.empty(
            "style:paragraph-properties",
            ["fo:margin-bottom": "0.21cm", "style:tab-stop-distance": "1.251cm"])
        xml.empty(
            "style:text-properties",
            attributes: [("style:font-name", "Times New Roman"), ("fo:font-size", "12pt")]
                + Self.languageAttributes(language))
        xml.end()
        xml.start(
            "style:style",
            ["style:name": "Standard", "style:family": "paragraph", "style:class": "text"])
        xml.end()
        paragraphStyle(&xml, StyleName.body, display: "Text body")
        paragraphStyle(
            &xml, StyleName.title, display: "Title", properties: [("fo:margin-bottom", "0.42cm")],
            text: [("fo:font-size", "16pt"), ("fo:font-weight", "bold")], outlineLevel: nil,
            styleClass: "chapter")
        for level in 1...2 {
            paragraphStyle(
                &xml, StyleName.heading(level), display: "Heading \(level)",
                properties: [
                    ("fo:margin-top", level == 1 ? "0.64cm" : "0.42cm"),
                    ("fo:margin-bottom", "0.21cm"), ("fo:keep-with-next", "always"),
                ],
                text: [("fo:font-size", level == 1 ? "14pt" : "12pt"), ("fo:font-weight", "bold")],
                outlineLevel: level)
        }
        paragraphStyle(
            &xml, StyleName.note, display: "Note", properties: [("fo:margin-left", "1cm")],
            text: [("fo:font-size", "10pt"), ("fo:font-style", "italic")])
        paragraphStyle(
            &xml, StyleName.tableContents, display: "Table Contents",
            properties: [("fo:margin-top", "0cm"), ("fo:margin-bottom", "0cm")],
            text: [("fo:font-size", "10pt")], styleClass: "extra")
        paragraphStyle(
            &xml, StyleName.tableHeading, display: "Table Heading", parent: StyleName.tableContents,
            text: [("fo:font-weight", "bold")], styleClass: "extra")
        paragraphStyle(
            &xml, "Footer", display: "Footer",
            properties: [("fo:text-align", "center"), ("fo:margin-bottom", "0cm")],
            text: [("fo:font-size", "10pt")], styleClass: "extra")
        xml.end()

        xml.start("office:automatic-styles")
        pageLayout(&xml, name: "pm1", orientation: .portrait)
        pageLayout(&xml, name: "pm2", orientation: .landscape)
        xml.end()

        xml.start("office:master-styles")
        for (name, layout) in [(MasterPage.portrait, "pm1"), (MasterPage.landscape, "pm2")] {
            xml.start(
                "style:master-page", ["style:name": name, "style:page-layout-name": layout])
            xml.start("style:footer")
            xml.start("text:p", ["text:style-name": "Footer"])
            xml.element("text:page-number", ["text:select-page": "current"], text: "1")
            xml.end()
            xml.end()
            xml.end()
        }
        return xml.finish()
    }

    private func paragraphStyle(
        _ xml: inout XMLWriter, _ name: String, display: String, parent: String = "Standard",
        properties: [(String, String)] = [], text: [(String, String)] = [],
        outlineLevel: Int? = nil, styleClass: String = "text"
    ) {
        var attributes = [
            ("style:name", name), ("style:display-name", display), ("style:family", "paragraph"),
            ("style:parent-style-name", parent),
        ]
        if let outlineLevel {
            attributes.append(("style:next-style-name", StyleName.body))
            attributes.append(("style:default-outline-level", String(outlineLevel)))
        }
        attributes.append(("style:class", styleClass))
        xml.start("style:style", attributes: attributes)
        if !properties.isEmpty { xml.empty("style:paragraph-properties", attributes: properties) }
        if !text.isEmpty { xml.empty("style:text-properties", attributes: text) }
        xml.end()
    }

    /// An A4 page layout, 2.5 cm margins, a footer area for the page number.
    private func pageLayout(
        _ xml: inout XMLWriter, name: String, orientation: WordSection.Orientation
    ) {
        let portrait = orientation == .portrait
        xml.start("style:page-layout", ["style:name": name])
        xml.empty(
            "style:page-layout-properties",
            [
                "fo:page-width": portrait ? "21.001cm" : "29.7cm",
                "fo:page-height": portrait ? "29.7cm" : "21.001cm",
                "style:print-orientation": portrait ? "portrait" : "landscape",
                "fo:margin-top": "2.5cm", "fo:margin-bottom": "1.25cm", "fo:margin-left": "2.5cm",
                "fo:margin-right": "2.5cm",
            ])
        xml.start("style:footer-style")
        xml.empty(
            "style:header-footer-properties", ["fo:min-height": "0.6cm", "fo:margin-top": "0.65cm"])
        xml.end()
        xml.end()
    }

    /// The width text can use on a page of `orientation`, in centimetres.
    static func textWidth(_ orientation: WordSection.Orientation) -> Double {
        orientation == .portrait ? 16.0 : 24.7
    }
}
