import Foundation
import Testing

@testable import ThreatSurvey

@Suite("Word and OpenDocument text")
struct WordDocumentTests {
    static let corpus = ZipFixture.resource("office-corpus/docx")

    static var corpusFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).filter {
            $0.hasSuffix(".docx")
        }.sorted()
    }

    /// Whitespace collapsed, as the python-docx figures were written.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Our paragraph without its list label (python-docx does not compute list numbers).
    static func withoutLabel(_ text: String) -> String {
        let words = text.split(separator: " ", maxSplits: 1)
        guard words.count == 2, let first = words.first,
            first == "•" || first.last == "." || first.last == ")",
            first.dropLast().allSatisfy({ $0.isNumber || $0.isLetter || $0 == "." })
        else { return text }
        return String(words[1])
    }

    @Test("The corpus has its eight documents")
    func corpusPresent() {
        #expect(Self.corpusFiles.count == 8)
    }

    @Test(
        "Every corpus document reads, with python-docx's paragraphs and tables",
        arguments: corpusFiles)
    func corpusAgrees(file: String) throws {
        let expectedData = try #require(
            FileManager.default.contents(atPath: Self.corpus + "/expected.json"))
        let all = try #require(
            try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])
        let expected = try #require(all[file] as? [String: Any])
        let paragraphs = try #require(expected["paragraphs"] as? [String])
        let tables = try #require(expected["tables"] as? [[[String]]])
        let document = try WordDocument.read(bytes: TestSupport.bytes(Self.corpus + "/" + file))
        let ours = document.paragraphs.map { Self.collapsed(Self.withoutLabel($0)) }.filter {
            !$0.isEmpty
        }
        #expect(ours == paragraphs, "\(file)")
        #expect(document.tables.map { $0.map { $0.map(Self.collapsed) } } == tables, "\(file)")
    }
}

/// List numbering, OpenDocument text and limits, on documents built in the test.
@Suite("Word and OpenDocument text: numbering, tables, limits")
struct WordDocumentDetailTests {
    static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    func docx(body: String, numbering: String? = nil, styles: String? = nil) -> [UInt8] {
        var entries: [ZipFixture.Entry] = [
            .init(
                "word/document.xml", "<w:document \(Self.w)><w:body>\(body)</w:body></w:document>")
        ]
        var rels = ""
        if let numbering {
            entries.append(
                .init("word/numbering.xml", "<w:numbering \(Self.w)>\(numbering)</w:numbering>"))
            rels +=
                "<Relationship Id=\"n\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>"
        }
        if let styles {
            entries.append(.init("word/styles.xml", "<w:styles \(Self.w)>\(styles)</w:styles>"))
            rels +=
                "<Relationship Id=\"s\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        }
        entries.append(
            .init("word/_rels/document.xml.rels", "<Relationships>\(rels)</Relationships>"))
        return ZipFixture.make(entries)
    }

    static func numbered(_ text: String, num: Int, level: Int = 0) -> String {
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(num)\"/></w:numPr></w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
    }

    static let lists = """
        <w:abstractNum w:abstractNumId="0">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%2)"/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u{F0B7}"/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="1">
          <w:lvl w:ilvl="0"><w:start w:val="4"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1 -"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
        <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
        """

    @Test("Word list labels: formats, level text, start values, deeper levels restarting")
    func numbering() throws {
        let body = [
            Self.numbered("Firearms", num: 1), Self.numbered("Parts", num: 1, level: 1),
            Self.numbered("Ammunition", num: 1, level: 1), Self.numbered("Point", num: 1, level: 2),
            Self.numbered("Drugs", num: 1), Self.numbered("Precursors", num: 1, level: 1),
            Self.numbered("Fourth", num: 2), Self.numbered("Fifth", num: 2),
            Self.numbered("Seventh", num: 3),
            "<w:p><w:pPr><w:pStyle w:val=\"ListNumber\"/></w:pPr><w:r><w:t>By style</w:t></w:r></w:p>",
            "<w:p><w:r><w:t>Kept</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:r><w:tab/><w:t>after</w:t><w:br/><w:t>line</w:t></w:r></w:p>",
        ].joined()
        let styles =
            "<w:style w:type=\"paragraph\" w:styleId=\"ListNumber\"><w:pPr><w:numPr><w:numId w:val=\"2\"/></w:numPr></w:pPr></w:style>"
        let document = try WordDocument.read(
            bytes: docx(body: body, numbering: Self.lists, styles: styles))
        #expect(
            document.paragraphs == [
                "1. Firearms", "1.a) Parts", "1.b) Ammunition", "• Point", "2. Drugs",
                "2.a) Precursors",
                "IV - Fourth", "V - Fifth", "7. Seventh", "VI - By style", "Kept\tafter\nline",
            ])
    }

    @Test("Word tables: cells in order, merged cells keep their columns, nested tables flattened")
    func tables() throws {
        func cell(_ text: String, span: Int = 1) -> String {
            let properties = span > 1 ? "<w:tcPr><w:gridSpan w:val=\"\(span)\"/></w:tcPr>" : ""
            return "<w:tc>\(properties)<w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:tc>"
        }
        let nested =
            "<w:tc><w:p><w:r><w:t>outer</w:t></w:r></w:p><w:tbl><w:tr>\(cell("x"))\(cell("y"))</w:tr></w:tbl></w:tc>"
        let body =
            "<w:tbl><w:tr>\(cell("MS"))\(cell("Threat"))\(cell("Priority"))</w:tr><w:tr>\(cell("PL", span: 2))\(cell("1"))</w:tr><w:tr>\(nested)</w:tr></w:tbl>"
        let document = try WordDocument.read(bytes: docx(body: body))
        #expect(
            document.tables == [[["MS", "Threat", "Priority"], ["PL", "", "1"], ["outer\nx\ty"]]])
        #expect(document.paragraphs.isEmpty)
    }

    @Test("OpenDocument text: headings, spaces, numbered and bulleted lists, tables with repeats")
    func odt() throws {
        let content = """
            <office:document-content xmlns:office="o" xmlns:text="t" xmlns:table="b" xmlns:style="s">
            <office:automatic-styles>
              <text:list-style style:name="N"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>
                <text:list-level-style-number text:level="2" style:num-suffix=")" style:num-format="a" text:display-levels="2"/></text:list-style>
              <text:list-style style:name="B"><text:list-level-style-bullet text:level="1" text:bullet-char="-"/></text:list-style>
            </office:automatic-styles>
            <office:body><office:text>
              <text:h>Title</text:h><text:p>a<text:s text:c="2"/>b<text:tab/>c<text:line-break/>d<text:note><text:note-body><text:p>N</text:p></text:note-body></text:note></text:p>
              <text:list text:style-name="N"><text:list-item><text:p>One</text:p>
                <text:list><text:list-item><text:p>Sub</text:p></text:list-item></text:list></text:list-item>
                <text:list-item><text:p>Two</text:p></text:list-item></text:list>
              <text:list text:style-name="B"><text:list-item><text:p>Dot</text:p></text:list-item></text:list>
              <table:table><table:table-row><table:table-cell><text:p>MS</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2"/><table:table-cell><text:p>Threat</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1000"/></table:table-row>
                <table:table-row table:number-rows-repeated="100000"><table:table-cell/></table:table-row></table:table>
            </office:text></office:body></office:document-content>
            """
        let bytes = ZipFixture.make([
            .init("mimetype", "application/vnd.oasis.opendocument.text"),
            .init("content.xml", content),
        ])
        let document = try WordDocument.read(bytes: bytes)
        #expect(
            document.paragraphs == ["Title", "a  b\tc\nd", "1. One", "1.a) Sub", "2. Two", "• Dot"])
        #expect(document.tables == [[["MS", "", "", "Threat"]]])
    }

    func limitError(_ body: String) -> DocumentError? {
        do {
            _ = try WordDocument.read(bytes: docx(body: body))
            return nil
        } catch { return error }
    }

    @Test("Limits: paragraphs, tables and table cells")
    func limits() throws {
        let paragraph = "<w:p><w:t>a</w:t></w:p>"
        #expect(
            limitError(String(repeating: paragraph, count: WordDocument.maximumParagraphs))?
                .description == nil)
        #expect(
            limitError(String(repeating: paragraph, count: WordDocument.maximumParagraphs + 1))
                == .limitExceeded("more than \(WordDocument.maximumParagraphs) paragraphs"))
        #expect(
            limitError(String(repeating: "<w:tbl/>", count: WordDocument.maximumTables + 1))
                == .limitExceeded("more than \(WordDocument.maximumTables) tables"))
        let wide = "<w:tc><w:tcPr><w:gridSpan w:val=\"64\"/></w:tcPr></w:tc>"
        #expect(
            limitError(
                "<w:tbl><w:tr>" + String(repeating: wide, count: WordDocument.maximumCells / 64 + 1)
                    + "</w:tr></w:tbl>")
                == .limitExceeded("more than \(WordDocument.maximumCells) table cells"))
        // A counter cannot overflow; a style chain cannot loop.
        var numbering = DOCXNumbering(root: nil)
        #expect(numbering.label(numId: "1", level: 0) == nil)
        #expect(DOCXNumbering.roman(4000) == "4000" && DOCXNumbering.letters(28) == "BB")
        #expect(DOCXNumbering.maximumCounter == 1_000_000 && DOCXNumbering.maximumStyleChain == 10)
    }

    @Test("A Word list whose start value is forged stops at the counter limit")
    func forgedStart() throws {
        let lists =
            "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"99999999999\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
        let document = try WordDocument.read(
            bytes: docx(
                body: Self.numbered("a", num: 1) + Self.numbered("b", num: 1), numbering: lists))
        #expect(document.paragraphs == ["1000000. a", "1000000. b"])
    }

    @Test("A style based on itself does not loop")
    func styleCycle() throws {
        let styles =
            "<w:style w:type=\"paragraph\" w:styleId=\"A\"><w:basedOn w:val=\"B\"/></w:style><w:style w:type=\"paragraph\" w:styleId=\"B\"><w:basedOn w:val=\"A\"/></w:style>"
        let document = try WordDocument.read(
            bytes: docx(
                body: "<w:p><w:pPr><w:pStyle w:val=\"A\"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>",
                numbering: Self.lists, styles: styles))
        #expect(document.paragraphs == ["x"])
    }
}
