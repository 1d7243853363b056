/// Writes a ``WordProcessingDocument`` as an OpenDocument text (`.odt`, ODF 1.2, OASIS /
/// ISO/IEC 26300), the format LibreOffice and the Commission's open-source guidance favour.
///
/// The package: `mimetype` first and stored (so that the type can be read at a fixed offset,
/// ODF 1.2 Part 3 §3.3), `META-INF/manifest.xml`, `content.xml`, `styles.xml` and `meta.xml`.
/// The same promises as ``DOCXWriter``: A4 with page numbers in the footer, a landscape master
/// page for wide tables, heading styles with outline levels (`text:h`), the header row of every
/// table in `table:table-header-rows` (repeated on each page), shaded cells with automatic cell
/// styles, the title and language in the metadata and the default style.
///
/// A bar chart is an embedded chart object (`Object N/content.xml`, `chartContent(_:width:)`)
/// whose figures sit in its own table, so LibreOffice draws and edits it.
///
/// The bytes depend on the document alone, so the same answers give the same file.
public struct ODTWriter: Sendable {
    /// The media type, the content of the `mimetype` entry.
    public static let mediaType = "application/vnd.oasis.opendocument.text"

    /// The namespaces the parts use.
    enum Namespace {
        static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
        static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
        static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
        static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
        static let fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
        static let svg = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
        static let meta = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
        static let dc = "http://purl.org/dc/elements/1.1/"
        static let manifest = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
        static let draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
        static let chart = "urn:oasis:names:tc:opendocument:xmlns:chart:1.0"
        static let xlink = "http://www.w3.org/1999/xlink"
    }

    /// The master pages (page styles) of `styles.xml`.
    enum MasterPage {
        /// A4 upright.
        static let portrait = "Standard"
        /// A4 on its side.
        static let landscape = "Landscape"

        /// The master page of `orientation`.
        static func name(_ orientation: WordSection.Orientation) -> String {
            orientation == .portrait ? portrait : landscape
        }
    }

    /// Creates a writer.
    public init() {}

    /// The `.odt` file's bytes.
    ///
    /// - Throws: ``ZipError/zip64Unsupported`` for a document of 4 GiB or more,
    ///   ``ZipError/compressionFailed(name:reason:)`` when zlib runs out of memory.
    /// - Complexity: O(n) in the size of the document's text.
    public func write(_ document: WordProcessingDocument) throws(ZipError) -> [UInt8] {
        // Each chart with the width of the page it sits on.
        let charts = document.sections.flatMap { section in
            section.blocks.compactMap { block -> (WordChart, Double)? in
                guard case .chart(let chart) = block else { return nil }
                return (chart, Self.textWidth(section.orientation))
            }
        }
        var zip = ZipWriter()
        try zip.add("mimetype", Array(Self.mediaType.utf8), method: .stored)
        try zip.add("META-INF/manifest.xml", manifest(chartCount: charts.count))
        try zip.add("content.xml", content(document))
        try zip.add("styles.xml", styles(language: document.language))
        try zip.add("meta.xml", meta(document))
        for (index, (chart, width)) in charts.enumerated() {
            try zip.add(
                Self.chartObject(index + 1) + "/content.xml", chartContent(chart, width: width))
        }
        return try zip.finish()
    }

    private func manifest(chartCount: Int) -> [UInt8] {
        var xml = XMLWriter()
        xml.start(
            "manifest:manifest", ["xmlns:manifest": Namespace.manifest, "manifest:version": "1.2"])
        xml.empty(
            "manifest:file-entry",
            [
                "manifest:full-path": "/", "manifest:version": "1.2",
                "manifest:media-type": Self.mediaType,
            ])
        var parts = ["content.xml", "styles.xml", "meta.xml"]
        for number in stride(from: 1, through: chartCount, by: 1) {
            xml.empty(
                "manifest:file-entry",
                [
                    "manifest:full-path": Self.chartObject(number) + "/",
                    "manifest:media-type": "application/vnd.oasis.opendocument.chart",
                ])
            parts.append(Self.chartObject(number) + "/content.xml")
        }
        for part in parts {
            xml.empty(
                "manifest:file-entry",
                ["manifest:full-path": part, "manifest:media-type": "text/xml"])
        }
        return xml.finish()
    }

    /// Dublin Core title and language, the generator; no dates, so the bytes stay the same.
    private func meta(_ document: WordProcessingDocument) -> [UInt8] {
        var xml = XMLWriter()
        xml.start(
            "office:document-meta",
            [
                "xmlns:office": Namespace.office, "xmlns:meta": Namespace.meta,
                "xmlns:dc": Namespace.dc, "office:version": "1.2",
            ])
        xml.start("office:meta")
        xml.element("meta:generator", text: "threatsurvey")
        xml.element("dc:title", text: document.title)
        xml.element("dc:language", text: document.language)
        return xml.finish()
    }

    /// The `fo:language` and `fo:country` attributes of a BCP 47 tag (`fr-BE` → `fr`, `BE`).
    static func languageAttributes(_ tag: String) -> [(String, String)] {
        let parts = tag.split(separator: "-").map(String.init)
        var attributes = [("fo:language", parts.first ?? "en")]
        if let region = parts.dropFirst().first(where: {
            $0.count == 2 && $0.allSatisfy(\.isLetter)
        }) {
            attributes.append(("fo:country", region.uppercased()))
        }
        return attributes
    }
}
