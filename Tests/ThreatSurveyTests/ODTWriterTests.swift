import Foundation
import Testing

@testable import ThreatSurvey

@Suite("OpenDocument texts written")
struct ODTWriterTests {
    let document = OfficeSample.report()

    func written() throws -> [UInt8] { try document.render(as: .odt) }

    func part(_ name: String) throws -> String {
        String(decoding: try ZipArchive(bytes: written()).data(named: name), as: UTF8.self)
    }

    /// A table as the reader gives it: trailing empty cells and rows dropped, as spreadsheets
    /// are read.
    static func trimmed(_ table: [[String]]) -> [[String]] {
        var rows = table.map { row in
            Array(row.reversed().drop(while: \.isEmpty).reversed())
        }
        while rows.last?.isEmpty == true { rows.removeLast() }
        return rows
    }

    @Test("Read back by the package's reader: the document's paragraphs and tables, as text")
    func readsBack() throws {
        let bytes = try written()
        try OfficeSample.exportIfAsked("report.odt", bytes)
        let read = try WordDocument.readODT(bytes: bytes)
        #expect(read.paragraphs == OfficeSample.paragraphs(document))
        #expect(read.tables == OfficeSample.tables(document).map(Self.trimmed))
    }

    @Test("The mimetype entry comes first, stored, at the offset readers look for it")
    func mimetypeFirst() throws {
        let bytes = try written()
        let archive = try ZipArchive(bytes: bytes)
        let first = try #require(archive.entries.first)
        #expect(first.name == "mimetype")
        #expect(first.method == 0)
        #expect(Array(bytes[30..<38]) == Array("mimetype".utf8))
        #expect(Array(bytes[38..<(38 + 39)]) == Array(ODTWriter.mediaType.utf8))
        #expect(
            archive.entries.map(\.name).sorted()
                == [
                    "META-INF/manifest.xml", "Object 1/content.xml", "content.xml", "meta.xml",
                    "mimetype", "styles.xml",
                ])
    }

    @Test("Hostile text stays text")
    func hostileText() throws {
        let content = try part("content.xml")
        #expect(!content.contains("<w:p>"))
        #expect(!content.contains("<text:p/>"))
        #expect(content.contains("&lt;text:p/&gt;"))
        let meta = try part("meta.xml")
        #expect(meta.contains("<dc:title>Threats and challenges: &lt;w:p&gt;"))
        #expect(meta.contains("<dc:language>en-GB</dc:language>"))
    }

    @Test("The same document gives the same bytes")
    func deterministic() throws {
        #expect(try written() == written())
        #expect(try OfficeSample.report().render(as: .odt) == written())
    }

    @Test("A4 page layouts, a landscape master page for the wide table and back, page numbers")
    func pages() throws {
        let styles = try part("styles.xml")
        #expect(styles.contains("fo:page-width=\"21.001cm\" fo:page-height=\"29.7cm\""))
        #expect(styles.contains("style:print-orientation=\"landscape\""))
        #expect(styles.components(separatedBy: "<text:page-number").count == 3)
        #expect(styles.contains("style:default-outline-level=\"1\""))
        #expect(
            styles.contains(
                "<style:text-properties style:font-name=\"Times New Roman\" fo:font-size=\"12pt\" fo:language=\"en\" fo:country=\"GB\"/>"
            ))
        let content = try part("content.xml")
        let root = try XMLElement.parse(Array(content.utf8))
        let automatic = try #require(root.child(local: "automatic-styles"))
        let masters = automatic.children.compactMap { style in
            style.attribute("style:master-page-name").map {
                (style.attribute("style:name") ?? "", $0)
            }
        }
        #expect(masters.map(\.1) == ["Landscape", "Standard"])
        // The landscape page starts at the heading before the wide table.
        let text = try #require(root.child(local: "body")?.child(local: "text"))
        let heading = try #require(text.children.first { $0.text == "Heat map" })
        #expect(heading.name == "text:h")
        #expect(heading.attribute("text:outline-level") == "1")
        #expect(heading.attribute("text:style-name") == masters.first?.0)
    }

    @Test("Tables: header rows, shaded cells by automatic styles")
    func tables() throws {
        let content = try part("content.xml")
        #expect(content.components(separatedBy: "<table:table-header-rows>").count == 3)
        #expect(content.contains("fo:background-color=\"#5B8FC9\""))
        #expect(content.contains("fo:text-align=\"end\""))
    }

    @Test("Spaces, tabs and line ends survive ODF's white-space collapsing")
    func whitespace() throws {
        var xml = XMLWriter(declaration: false)
        ODTWriter.text(&xml, "  a   b\tc\nd ")
        #expect(
            xml.output
                == "<text:s text:c=\"2\"/>a <text:s text:c=\"2\"/>b<text:tab/>c<text:line-break/>d "
        )
    }

    @Test("The chart is an embedded chart object whose own table holds the figures")
    func chart() throws {
        let content = try part("content.xml")
        #expect(content.contains("<draw:object xlink:href=\"./Object 1\""))
        #expect(content.contains("<svg:desc>Firearms lead with 12 Member States"))
        let manifest = try part("META-INF/manifest.xml")
        #expect(
            manifest.contains(
                "manifest:full-path=\"Object 1/\" "
                    + "manifest:media-type=\"application/vnd.oasis.opendocument.chart\""))
        let object = try XMLElement.parse(Array(try part("Object 1/content.xml").utf8))
        let chart = try #require(
            object.child(local: "body")?.child(local: "chart")?.child(local: "chart"))
        #expect(chart.attribute("chart:class") == "chart:bar")
        #expect(
            chart.child(local: "plot-area")?.child(local: "series")?.attribute(
                "chart:values-cell-range-address") == "local-table.$B$2:.$B$4")
        let rows = try #require(chart.child(local: "table")?.child(local: "table-rows"))
        let cells = rows.children.map { row in
            row.children.map { $0.child(local: "p")?.text ?? "" }
        }
        #expect(
            cells == [
                ["Firearms", "12"], ["Cigarette smuggling", "9"],
                [XMLWriter.clean(OfficeSample.hostile), "4.5"],
            ])
    }
}
