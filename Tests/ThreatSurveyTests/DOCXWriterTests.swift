import Foundation
import Testing

@testable import ThreatSurvey

@Suite("Word documents written")
struct DOCXWriterTests {
    let document = OfficeSample.report()

    func written() throws -> [UInt8] { try document.render(as: .docx) }

    func part(_ name: String) throws -> String {
        String(decoding: try ZipArchive(bytes: written()).data(named: name), as: UTF8.self)
    }

    @Test("Read back by the package's reader: the document's paragraphs and tables, as text")
    func readsBack() throws {
        let bytes = try written()
        try OfficeSample.exportIfAsked("report.docx", bytes)
        let read = try WordDocument.readDOCX(bytes: bytes)
        #expect(read.paragraphs == OfficeSample.paragraphs(document))
        #expect(read.tables == OfficeSample.tables(document))
    }

    @Test("Hostile text stays text: no markup, visible stand-ins for forbidden characters")
    func hostileText() throws {
        let body = try part("word/document.xml")
        #expect(!body.contains("<w:p>]]>"))
        #expect(body.contains("&lt;w:p&gt;]]&gt;&amp;amp;"))
        let read = try WordDocument.readDOCX(bytes: written())
        #expect(
            read.tables[1][3][1] == "<w:p>]]>&amp; \"quoted\" 'single' <text:p/> ␁␟\u{FFFD} end")
        let title = try part("docProps/core.xml")
        #expect(title.contains("<dc:title>Threats and challenges: &lt;w:p&gt;"))
        #expect(title.contains("<dc:language>en-GB</dc:language>"))
    }

    @Test("The same document gives the same bytes")
    func deterministic() throws {
        #expect(try written() == written())
        #expect(try OfficeSample.report().render(as: .docx) == written())
    }

    @Test("A4 upright, the wide table on a landscape page between upright ones, page numbers")
    func pages() throws {
        let body = try part("word/document.xml")
        let sizes = body.ranges(of: "<w:pgSz ").map { body[$0.lowerBound...].prefix(70) }
        #expect(sizes.count == 3)
        #expect(sizes[0].hasPrefix("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
        #expect(sizes[1].hasPrefix("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"))
        #expect(sizes[2].hasPrefix("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
        #expect(body.components(separatedBy: "<w:footerReference").count == 4)
        // The heading moved with its wide table: it comes after the first section's end.
        let firstBreak = try #require(body.range(of: "</w:sectPr>"))
        let heading = try #require(body.range(of: ">Heat map<"))
        #expect(firstBreak.upperBound < heading.lowerBound)
        #expect(
            try part("word/footer1.xml").contains(
                "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"))
    }

    @Test("Heading styles with outline levels, the language in the style defaults")
    func styles() throws {
        let styles = try part("word/styles.xml")
        #expect(styles.contains("w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"))
        #expect(styles.contains("<w:outlineLvl w:val=\"0\"/>"))
        #expect(styles.contains("<w:outlineLvl w:val=\"1\"/>"))
        #expect(styles.contains("w:styleId=\"Title\""))
        #expect(styles.contains("<w:lang w:val=\"en-GB\""))
        let body = try part("word/document.xml")
        #expect(body.contains("<w:pStyle w:val=\"Heading1\"/>"))
        #expect(body.contains("<w:pStyle w:val=\"Heading2\"/>"))
    }

    @Test("Tables: header row repeated, figures right-aligned, shades filled, caption kept")
    func tables() throws {
        let body = try part("word/document.xml")
        #expect(body.components(separatedBy: "<w:tblHeader/>").count == 3)
        #expect(body.contains("<w:jc w:val=\"right\"/>"))
        #expect(body.contains("w:fill=\"5B8FC9\""))  // the darkest shade
        #expect(body.contains("<w:tblCaption w:val=\"The threats ranked"))
    }

    @Test("The chart is a native bar chart with cached values and alternative text")
    func chart() throws {
        let chart = try part("word/charts/chart1.xml")
        let root = try XMLElement.parse(Array(chart.utf8))
        let bar = try #require(
            root.child(local: "chart")?.child(local: "plotArea")?.child(local: "barChart"))
        #expect(bar.child(local: "barDir")?.attribute("val") == "bar")
        let series = try #require(bar.child(local: "ser"))
        let categories = series.child(local: "cat")?.child(local: "strRef")?
            .child(local: "strCache")?.children(local: "pt").compactMap {
                $0.child(local: "v")?.text
            }
        #expect(
            categories
                == document.blocks.compactMap {
                    if case .chart(let c) = $0 { return c.categories.map(XMLWriter.clean) }
                    return nil
                }.first)
        let values = series.child(local: "val")?.child(local: "numRef")?
            .child(local: "numCache")?.children(local: "pt").compactMap {
                $0.child(local: "v")?.text
            }
        #expect(values == ["12", "9", "4.5"])
        // Every category labelled (no reader may skip every other one), in 8 pt.
        let axis = try #require(
            root.child(local: "chart")?.child(local: "plotArea")?
                .child(local: "catAx"))
        #expect(axis.child(local: "tickLblSkip")?.attribute("val") == "1")
        #expect(
            axis.child(local: "txPr")?.child(local: "p")?.child(local: "pPr")?
                .child(local: "defRPr")?.attribute("sz") == "800")
        let body = try part("word/document.xml")
        #expect(
            body.contains("descr=\"Firearms lead with 12 Member States, then cigarettes (9).\""))
        #expect(body.contains("title=\"Threats by Member States\""))
        let types = try part("[Content_Types].xml")
        #expect(types.contains("PartName=\"/word/charts/chart1.xml\""))
        let relationships = try part("word/_rels/document.xml.rels")
        #expect(relationships.contains("Target=\"charts/chart1.xml\""))
    }

    @Test("The chart's embedded workbook holds its figures where its formulas point")
    func chartWorkbook() throws {
        let archive = try ZipArchive(bytes: written())
        let relationships = String(
            decoding: try archive.data(named: "word/charts/_rels/chart1.xml.rels"), as: UTF8.self)
        #expect(relationships.contains("Target=\"../embeddings/Microsoft_Excel_Worksheet1.xlsx\""))
        let workbook = try Workbook.readXLSX(
            bytes: archive.data(named: "word/embeddings/Microsoft_Excel_Worksheet1.xlsx"))
        let sheet = try #require(workbook.sheet(named: "Sheet1"))
        #expect(
            sheet.grid.rows == [
                ["", "Member States"], ["Firearms", "12"], ["Cigarette smuggling", "9"],
                [XMLWriter.clean(OfficeSample.hostile), "4.5"],
            ])
        #expect(try part("[Content_Types].xml").contains("Extension=\"xlsx\""))
        #expect(
            try part("word/charts/chart1.xml").contains("<c:externalData r:id=\"rIdWorkbook\">"))
    }

    @Test("Edge cases write files the readers open: nothing, a table without rows, an empty chart")
    func edgeCases() throws {
        let empty = Document()
        let edge = Document(blocks: [
            .table(TextTable(columns: [])), .table(TextTable(columns: ["Only a header"])),
            .chart(
                BarChart(
                    title: "No bars", categories: [], values: [], valueTitle: "Member States",
                    alternativeText: "Nothing to show.")),
            .text(""),
        ])
        for (name, document) in [("empty", empty), ("edge", edge)] {
            for format in [OutputFormat.docx, .odt] {
                let bytes = try format.render(document)
                try OfficeSample.exportIfAsked("\(name).\(format.rawValue)", bytes)
                let read = try WordDocument.read(bytes: bytes)
                #expect(read.paragraphs.isEmpty, "\(name) \(format)")
                // The table without columns or rows is left out.
                #expect(read.tables.count == (name == "empty" ? 0 : 1), "\(name) \(format)")
            }
        }
    }
}
