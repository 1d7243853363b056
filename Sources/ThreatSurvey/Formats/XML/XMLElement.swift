/// A small XML tree: an element, its attributes, child elements and text.
///
/// For the small parts of an office file (workbook, relationships, styles) a tree is easier
/// to query than events; large parts (sheets, shared strings) are read with `XMLReader`.
package struct XMLElement: Sendable, Hashable {
    /// The start tag: name as written and attributes.
    public var tag: XMLTag
    /// Child elements in order.
    public var children: [XMLElement]
    /// The element's own character data, concatenated (children's text not included).
    public var text: String
    /// For each child, how many UTF-8 bytes of ``text`` come before it, so that mixed content
    /// (`a <text:s/>b`) can be read in document order.
    public var childTextOffsets: [Int] = []

    /// The qualified name as written (`table:table`).
    public var name: String { tag.name }

    /// Reads a whole document into a tree, under `XMLReader`'s limits.
    ///
    /// - Throws: ``XMLError`` as `XMLReader/next()` does.
    /// - Complexity: O(n).
    public static func parse(_ bytes: [UInt8]) throws(XMLError) -> XMLElement {
        var reader = XMLReader(bytes: bytes)
        var open: [XMLElement] = []
        var root: XMLElement?
        while let event = try reader.next() {
            switch event {
            case .start(let tag):
                open.append(XMLElement(tag: tag, children: [], text: ""))
            case .text(let text):
                if !open.isEmpty { open[open.count - 1].text += text }
            case .end:
                guard let done = open.popLast() else { continue }
                if open.isEmpty {
                    root = done
                } else {
                    open[open.count - 1].childTextOffsets.append(
                        open[open.count - 1].text.utf8.count)
                    open[open.count - 1].children.append(done)
                }
            }
        }
        // The reader only finishes after the root element closed.
        return root
            ?? XMLElement(tag: XMLTag(name: "", attributes: [], offset: 0), children: [], text: "")
    }

    /// The value of the attribute named exactly `name`.
    public func attribute(_ name: String) -> String? { tag.attribute(name) }

    /// Child elements whose name without prefix is `localName`.
    ///
    /// - Complexity: O(number of children).
    public func children(local localName: String) -> [XMLElement] {
        children.filter { $0.tag.localName == localName }
    }

    /// The first child element whose name without prefix is `localName`.
    ///
    /// - Complexity: O(number of children).
    public func child(local localName: String) -> XMLElement? {
        children.first { $0.tag.localName == localName }
    }
}
