import Foundation
import Testing

@testable import ThreatSurvey

@Suite("XML reader")
struct XMLTests {
    func events(_ text: String) throws(XMLError) -> [XMLEvent] {
        var reader = XMLReader(bytes: Array(text.utf8))
        var out: [XMLEvent] = []
        while let event = try reader.next() { out.append(event) }
        return out
    }

    func failure(_ text: String, limit: Int = XMLReader.maximumElements) -> XMLError? {
        var reader = XMLReader(bytes: Array(text.utf8), maximumElements: limit)
        do {
            while try reader.next() != nil {}
            return nil
        } catch { return error }
    }

    @Test("Elements, attributes with prefixes as written, text and self-closing tags")
    func basics() throws {
        let events = try events(
            #"<?xml version="1.0"?><table:table table:name='Sheet 1'><c r="A1" t="s"/>hi</table:table>"#
        )
        #expect(events.count == 5)
        guard case .start(let table) = events[0], case .start(let cell) = events[1] else {
            Issue.record("expected two starts, got \(events)")
            return
        }
        #expect(table.name == "table:table")
        #expect(table.localName == "table")
        #expect(table.attribute("table:name") == "Sheet 1")
        #expect(table.attribute(local: "name") == "Sheet 1")
        #expect(
            cell.attributes == [
                XMLAttribute(name: "r", value: "A1"), XMLAttribute(name: "t", value: "s"),
            ])
        #expect(events[2] == .end("c"))
        #expect(events[3] == .text("hi"))
        #expect(events[4] == .end("table:table"))
    }

    @Test("Predefined entities, character references, CDATA; comments and PIs skipped")
    func textDecoding() throws {
        let tree = try XMLElement.parse(
            Array(
                "<a x=\"&lt;&amp;&#65;\tb\">&lt;&gt;&amp;&quot;&apos; &#233;&#x1F600;<!-- no --><?pi skip?><![CDATA[<raw & ok>]]>\r\nend</a>"
                    .utf8))
        #expect(tree.attribute("x") == "<&A b")
        #expect(tree.text == "<>&\"' é😀<raw & ok>\nend")
        #expect(tree.children.isEmpty)
    }

    @Test("A DOCTYPE is refused where it starts, never expanded (billion laughs)")
    func doctype() throws {
        let bytes = try TestSupport.bytes(ZipFixture.resource("office/billion-laughs.xml"))
        var reader = XMLReader(bytes: bytes)
        #expect {
            while try reader.next() != nil {}
        } throws: { error in
            guard let error = error as? XMLError else { return false }
            return error.code == .doctypeRefused && error.line == 2 && error.column == 1
        }
        #expect(
            failure("<!DOCTYPE a SYSTEM \"file:///etc/passwd\"><a>&xxe;</a>")?.code
                == .doctypeRefused)
        #expect(failure("<a>&xxe;</a>")?.code == .undefinedEntity)
    }

    @Test("Nesting deeper than 256 is refused; 256 is read")
    func depth() throws {
        let ok =
            String(repeating: "<a>", count: XMLReader.maximumDepth)
            + String(repeating: "</a>", count: XMLReader.maximumDepth)
        #expect(failure(ok) == nil)
        let deep = String(repeating: "<a>", count: XMLReader.maximumDepth + 1)
        let error = try #require(failure(deep))
        #expect(error.code == .depthLimit)
        #expect(error.column == 3 * XMLReader.maximumDepth + 1)
    }

    @Test("The element limit stops a document at the element that exceeds it")
    func elementLimit() throws {
        let doc = "<r>" + String(repeating: "<c/>", count: 10) + "</r>"
        #expect(failure(doc, limit: 11) == nil)
        let error = try #require(failure(doc, limit: 10))
        #expect(error.code == .elementLimit)
        #expect(error.column == 4 + 9 * 4)
        #expect(XMLReader.maximumElements == 10_000_000)
    }

    @Test("Malformed documents: the error says what, at LINE:COLUMN in characters")
    func positions() throws {
        let cases: [(String, Int, Int, String)] = [
            ("<a>\n  <b></c>\n</a>", 2, 6, "</c> closes <b>"),
            ("<a>\n  ünï <b x=1/></a>", 2, 12, "quoted value"),
            ("<a>", 1, 4, "<a> is not closed"),
            ("<a></a><b/>", 1, 8, "second root"),
            ("<a>&amp</a>", 1, 4, "entity reference"),
            ("<a>&#0;</a>", 1, 4, "does not allow"),
            ("<a><!-- never closed </a>", 1, 4, "unclosed comment"),
            ("text<a/>", 1, 1, "outside the root"),
            ("", 1, 1, "no root element"),
            ("<a b=\"<\"/>", 1, 7, "'<' in the value"),
        ]
        for (text, line, column, message) in cases {
            let error = try #require(failure(text), "\(text) should fail")
            #expect(error.line == line && error.column == column, "\(text): \(error)")
            #expect(error.message.contains(message), "\(text): \(error)")
        }
        let utf16: [UInt8] = [0xFF, 0xFE, 0x3C, 0x00, 0x61, 0x00]
        var reader = XMLReader(bytes: utf16)
        #expect(throws: XMLError.self) { try reader.next() }
    }

    @Test("A UTF-8 byte-order mark is skipped; trailing comments and space are allowed")
    func bomAndTrailer() throws {
        let tree = try XMLElement.parse(
            [0xEF, 0xBB, 0xBF] + Array("<a><b>x</b><b>y</b></a>\n<!-- end -->\n".utf8))
        #expect(tree.children(local: "b").map(\.text) == ["x", "y"])
        #expect(tree.child(local: "b")?.text == "x")
    }
}
