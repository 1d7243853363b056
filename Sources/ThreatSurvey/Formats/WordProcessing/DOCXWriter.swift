/// Writes a ``WordProcessingDocument`` as a Word document (`.docx`, Office Open XML
/// WordprocessingML, ECMA-376 / ISO/IEC 29500 transitional).
///
/// What the Council's readers need from the file, and how it is met:
/// - It opens in Word and LibreOffice without a repair prompt: only the parts a minimal Word
///   document has (`[Content_Types].xml`, relationships, `word/document.xml`, `styles.xml`,
///   `settings.xml`, a footer, `docProps/core.xml` and `app.xml`, one part per chart), every
///   element in its schema order.
/// - A4 pages with page numbers (a `PAGE` field in the footer of every section); a section of
///   wide tables on landscape pages (``WordSection/Orientation``).
/// - Real `Heading1`/`Heading2`/`Title` styles with outline levels, the document's language in
///   the style defaults and its title and language in the metadata.
/// - Tables as tables: the header row repeated on every page (`w:tblHeader`), figures
///   right-aligned, shaded cells filled (``WordTable/shades``), the caption as the table's
///   alternative text.
/// - Bar charts as native charts (`DOCXWriter+Chart.swift`), values cached in the chart part
///   (what Word and LibreOffice draw) and in an embedded workbook (what Word's "Edit Data"
///   opens), the alternative text in `wp:docPr`.
///
/// The bytes depend on the document alone (``ZipWriter`` is deterministic, no dates, no
/// random ids), so the same answers give the same file.
public struct DOCXWriter: Sendable {
    /// Page size and margins, in twentieths of a point (twips).
    enum Page {
        /// A4: 210 mm.
        static let shortSide = 11906
        /// A4: 297 mm.
        static let longSide = 16838
        /// 2.5 cm on every side.
        static let margin = 1418
        /// Where the footer sits from the page's edge (1.25 cm).
        static let footer = 709

        /// The width text can use on a page of `orientation`.
        static func textWidth(_ orientation: WordSection.Orientation) -> Int {
            (orientation == .portrait ? shortSide : longSide) - 2 * margin
        }
    }

    /// The namespaces of WordprocessingML and DrawingML the parts use.
    enum Namespace {
        static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        static let wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
        static let a = "http://schemas.openxmlformats.org/drawingml/2006/main"
        static let c = "http://schemas.openxmlformats.org/drawingml/2006/chart"
        static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
        static let officeRelationship =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    }

    /// Creates a writer.
    public init() {}

    /// The `.docx` file's bytes.
    ///
    /// - Throws: ``ZipError/zip64Unsupported`` for a document of 4 GiB or more,
    ///   ``ZipError/compressionFailed(name:reason:)`` when zlib runs out of memory.
    /// - Complexity: O(n) in the size of the document's text.
    public func write(_ document: WordProcessingDocument) throws(ZipError) -> [UInt8] {
        let charts = document.charts
        var zip = ZipWriter()
        try zip.add("[Content_Types].xml", contentTypes(chartCount: charts.count))
        try zip.add("_rels/.rels", packageRelationships())
        try zip.add("docProps/core.xml", coreProperties(document))
        try zip.add("docProps/app.xml", appProperties())
        try zip.add("word/document.xml", body(document))
        try zip.add("word/_rels/document.xml.rels", documentRelationships(chartCount: charts.count))
        try zip.add("word/styles.xml", styles(language: document.language))
        try zip.add("word/settings.xml", settings())
        try zip.add("word/footer1.xml", footer())
        for (index, chart) in charts.enumerated() {
            let number = index + 1
            try zip.add(
                "word/charts/chart\(number).xml", chartPart(chart, language: document.language))
            try zip.add("word/charts/_rels/chart\(number).xml.rels", chartRelationships(number))
            try zip.add("word/" + Self.workbookName(number), workbook(chart))
        }
        return try zip.finish()
    }

    /// The relationship id of chart `number` (from 1) in `document.xml.rels`.
    static func chartRelationship(_ number: Int) -> String { "rIdChart\(number)" }

    /// The relationship id of the footer.
    static let footerRelationship = "rIdFooter1"

    /// The media types' common prefix.
    static let officeType = "application/vnd.openxmlformats-officedocument."

    private func contentTypes(chartCount: Int) -> [UInt8] {
        let main = Self.officeType
        var overrides: [(String, String)] = [
            ("/word/document.xml", main + "wordprocessingml.document.main+xml"),
            ("/word/styles.xml", main + "wordprocessingml.styles+xml"),
            ("/word/settings.xml", main + "wordprocessingml.settings+xml"),
            ("/word/footer1.xml", main + "wordprocessingml.footer+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", main + "extended-properties+xml"),
        ]
        for number in stride(from: 1, through: chartCount, by: 1) {
            overrides.append(("/word/charts/chart\(number).xml", main + "drawingml.chart+xml"))
        }
        return contentTypes(
            defaults: chartCount > 0 ? [("xlsx", main + "spreadsheetml.sheet")] : [],
            overrides: overrides)
    }

    /// `[Content_Types].xml` of an OPC package (ECMA-376 Part 2 §10.1): relationships and XML
    /// by extension, `defaults` besides, and each part of `overrides` by name.
    func contentTypes(defaults: [(String, String)], overrides: [(String, String)]) -> [UInt8] {
        var xml = XMLWriter()
        xml.start(
            "Types", ["xmlns": "http://schemas.openxmlformats.org/package/2006/content-types"])
        let common = [
            ("rels", "application/vnd.openxmlformats-package.relationships+xml"),
            ("xml", "application/xml"),
        ]
        for (extensionName, type) in common + defaults {
            xml.empty("Default", ["Extension": extensionName, "ContentType": type])
        }
        for (part, type) in overrides {
            xml.empty("Override", ["PartName": part, "ContentType": type])
        }
        return xml.finish()
    }

    private func packageRelationships() -> [UInt8] {
        let office = Namespace.officeRelationship
        return relationships([
            ("rId1", office + "/officeDocument", "word/document.xml"),
            (
                "rId2",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml"
            ),
            ("rId3", office + "/extended-properties", "docProps/app.xml"),
        ])
    }

    private func documentRelationships(chartCount: Int) -> [UInt8] {
        let office = Namespace.officeRelationship
        var list = [
            ("rIdStyles", office + "/styles", "styles.xml"),
            ("rIdSettings", office + "/settings", "settings.xml"),
            (Self.footerRelationship, office + "/footer", "footer1.xml"),
        ]
        for number in stride(from: 1, through: chartCount, by: 1) {
            list.append(
                (Self.chartRelationship(number), office + "/chart", "charts/chart\(number).xml"))
        }
        return relationships(list)
    }

    func relationships(_ list: [(id: String, type: String, target: String)]) -> [UInt8] {
        var xml = XMLWriter()
        xml.start("Relationships", ["xmlns": Namespace.relationships])
        for item in list {
            xml.empty("Relationship", ["Id": item.id, "Type": item.type, "Target": item.target])
        }
        return xml.finish()
    }

    /// Dublin Core title and language; no dates or author, so the bytes stay the same.
    private func coreProperties(_ document: WordProcessingDocument) -> [UInt8] {
        var xml = XMLWriter()
        xml.start(
            "cp:coreProperties",
            [
                "xmlns:cp":
                    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
                "xmlns:dc": "http://purl.org/dc/elements/1.1/",
                "xmlns:dcterms": "http://purl.org/dc/terms/",
            ])
        xml.element("dc:title", text: document.title)
        xml.element("dc:language", text: document.language)
        xml.element("dc:creator", text: "threatsurvey")
        return xml.finish()
    }

    private func appProperties() -> [UInt8] {
        var xml = XMLWriter()
        xml.start(
            "Properties",
            [
                "xmlns":
                    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
            ])
        xml.element("Application", text: "threatsurvey")
        return xml.finish()
    }

    private func settings() -> [UInt8] {
        var xml = XMLWriter()
        xml.start("w:settings", ["xmlns:w": Namespace.w])
        xml.empty("w:defaultTabStop", ["w:val": "709"])
        xml.empty("w:characterSpacingControl", ["w:val": "doNotCompress"])
        xml.start("w:compat")
        // Word 2013 and later layout, so Word does not open the file in compatibility mode.
        xml.empty(
            "w:compatSetting",
            [
                "w:name": "compatibilityMode", "w:uri": "http://schemas.microsoft.com/office/word",
                "w:val": "15",
            ])
        return xml.finish()
    }

    /// The footer of every section: the page number, centred.
    private func footer() -> [UInt8] {
        var xml = XMLWriter()
        xml.start("w:ftr", ["xmlns:w": Namespace.w, "xmlns:r": Namespace.r])
        xml.start("w:p")
        xml.start("w:pPr")
        xml.empty("w:pStyle", ["w:val": "Footer"])
        xml.empty("w:jc", ["w:val": "center"])
        xml.end()
        xml.start("w:r")
        xml.empty("w:fldChar", ["w:fldCharType": "begin"])
        xml.end()
        xml.start("w:r")
        xml.element("w:instrText", ["xml:space": "preserve"], text: " PAGE ")
        xml.end()
        xml.start("w:r")
        xml.empty("w:fldChar", ["w:fldCharType": "separate"])
        xml.end()
        xml.start("w:r")
        xml.element("w:t", text: "1")
        xml.end()
        xml.start("w:r")
        xml.empty("w:fldChar", ["w:fldCharType": "end"])
        return xml.finish()
    }
}
