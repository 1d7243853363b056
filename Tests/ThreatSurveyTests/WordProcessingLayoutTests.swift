import Foundation
import Testing

@testable import ThreatSurvey

@Suite("Word-processing layout")
struct WordProcessingLayoutTests {
    static func wide(_ name: String) -> TextTable {
        var table = TextTable(columns: [name, "AT"], rows: [["x", "1"]])
        table.isWide = true
        return table
    }

    static func orientations(_ document: Document) -> [WordSection.Orientation] {
        WordProcessingLayout.layout(document).sections.map(\.orientation)
    }

    @Test("Wide tables share one landscape section with the headings before and notes after")
    func landscapeSection() throws {
        let document = Document(blocks: [
            .text("before"), .heading("Heat map"), .subheading("By threat"),
            .table(Self.wide("one")), .table(Self.wide("two")), .note("shade"), .text("after"),
        ])
        let sections = WordProcessingLayout.layout(document).sections
        #expect(sections.map(\.orientation) == [.portrait, .landscape, .portrait])
        #expect(sections[0].blocks == [.paragraph(WordParagraph("before"))])
        #expect(sections[1].blocks.count == 5)
        #expect(sections[1].blocks.first == .heading("Heat map", level: 1))
        #expect(sections[1].blocks.last == .paragraph(WordParagraph("shade", style: .note)))
        #expect(sections[2].blocks == [.paragraph(WordParagraph("after"))])
    }

    @Test("A wide table alone is a landscape document; one between texts is three sections")
    func alone() {
        #expect(Self.orientations(Document(blocks: [.table(Self.wide("t"))])) == [.landscape])
        #expect(
            Self.orientations(Document(blocks: [.table(Self.wide("a")), .text("b")]))
                == [.landscape, .portrait])
    }

    @Test("A table that starts a section carries the page change in ODT; DOCX ends each section")
    func tableStartsSection() throws {
        let document = Document(blocks: [.text("a"), .table(Self.wide("t")), .text("b")])
        let odt = try ZipArchive(bytes: document.render(as: .odt))
        let content = String(decoding: try odt.data(named: "content.xml"), as: UTF8.self)
        #expect(
            content.contains(
                "<style:style style:name=\"Table1\" style:family=\"table\" "
                    + "style:master-page-name=\"Landscape\">"))
        let docx = try ZipArchive(bytes: document.render(as: .docx))
        let body = String(decoding: try docx.data(named: "word/document.xml"), as: UTF8.self)
        #expect(body.components(separatedBy: "<w:sectPr>").count == 4)
        let read = try WordDocument.read(bytes: document.render(as: .docx))
        #expect(read.paragraphs == ["a", "b"])
        #expect(read.tables == [[["t", "AT"], ["x", "1"]]])
    }

    @Test("The Council header: institution, date and language, a blank reference, the kind")
    func councilHeader() {
        let blocks = WordProcessingLayout.councilHeader(
            CouncilHeader(
                placeAndDate: "Brussels, 1 October 2015", reference: "",
                kind: "Outcome of proceedings",
                from: "Presidency", to: "Delegations", subject: "Threats"))
        #expect(
            blocks == [
                .paragraph(WordParagraph("Council of the European Union", bold: true)),
                .paragraph(WordParagraph("Brussels, 1 October 2015\n(OR. en)", alignment: .right)),
                .paragraph(
                    WordParagraph(
                        WordProcessingLayout.referenceBlank, bold: true, alignment: .right)),
                .paragraph(WordParagraph("OUTCOME OF PROCEEDINGS", bold: true)),
                .table(
                    WordTable(
                        header: [],
                        rows: [
                            ["From:", "Presidency"], ["To:", "Delegations"],
                            ["Subject:", "Threats"],
                        ],
                        borderless: true)),
            ])
    }

    @Test("Column widths fill the text width, each at least its longest word")
    func widths() {
        let table = WordTable(
            header: ["Rank", "Threat", "Member States"],
            rows: [["1", "Cigarette smuggling across the eastern land border", "12"]])
        let widths = table.columnWidths(total: 9070)
        #expect(widths.reduce(0, +) == 9070)
        #expect(widths[0] >= 4 * 140)
        #expect(widths[1] > widths[2])
    }
}
