import Foundation
import Testing

@testable import ThreatSurvey

@Suite("XML written")
struct XMLWriterTests {
    @Test(
        "Text and attributes never become markup, and read back as written",
        arguments: [
            "<w:p>", "]]>", "a & b", "&amp;", "\"quoted\" 'single'", "<!-- -->", "<?pi?>",
            "tab\tline\nreturn\r.", "plain",
        ])
    func escapes(text: String) throws {
        var xml = XMLWriter()
        xml.start("root", ["attribute": text])
        xml.text(text)
        let root = try XMLElement.parse(xml.finish())
        #expect(root.children.isEmpty)
        #expect(root.text == text)
        #expect(root.attribute("attribute") == text)
    }

    @Test("Characters XML 1.0 forbids become visible stand-ins; the file stays well-formed")
    func forbidden() throws {
        let text = "a\u{00}b\u{08}c\u{1B}d\u{1F}e\u{FFFE}f\u{FFFF}g\t\n"
        #expect(XMLWriter.clean(text) == "a␀b␈c␛d␟e\u{FFFD}f\u{FFFD}g\t\n")
        var xml = XMLWriter()
        xml.element("root", ["a": text], text: text)
        let root = try XMLElement.parse(xml.finish())
        #expect(root.text == XMLWriter.clean(text))
        #expect(root.attribute("a") == XMLWriter.clean(text))
    }

    @Test("Elements left open are closed by finish, in order")
    func closes() {
        var xml = XMLWriter(declaration: false)
        xml.start("a")
        xml.start("b")
        xml.empty("c", ["d": "1"])
        #expect(String(decoding: xml.finish(), as: UTF8.self) == "<a><b><c d=\"1\"/></b></a>")
    }
}
