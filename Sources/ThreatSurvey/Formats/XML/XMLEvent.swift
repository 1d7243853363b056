/// One step through an XML document, as `XMLReader` reports it.
///
/// A pull reader hands out events instead of building a tree so that a 10 MB worksheet is read
/// in one pass with memory for one element at a time.
package enum XMLEvent: Sendable, Hashable {
    /// An element starts (a self-closing `<a/>` gives `.start` then `.end`).
    case start(XMLTag)
    /// The element named so ends (names are checked to match their start).
    case end(String)
    /// Character data, entities decoded, line ends normalized to `\n`; CDATA sections arrive as
    /// text too. Consecutive pieces (around a comment, a CDATA section) come as several events.
    case text(String)
}

/// An element's start tag: its name and attributes exactly as written.
package struct XMLTag: Sendable, Hashable {
    /// The qualified name as written, prefix kept (`table:table-cell`).
    public var name: String
    /// Attributes in document order.
    public var attributes: [XMLAttribute]
    /// Byte offset of the `<` in the document, for `XMLReader/location(of:)`.
    public var offset: Int

    /// The name without its namespace prefix (`table-cell`).
    public var localName: Substring { XMLTag.local(name) }

    /// The value of the attribute whose qualified name is `name`, if any.
    ///
    /// - Complexity: O(number of attributes).
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The value of the first attribute whose name without prefix is `localName`.
    ///
    /// - Complexity: O(number of attributes).
    public func attribute(local localName: String) -> String? {
        attributes.first { XMLTag.local($0.name) == localName }?.value
    }

    /// `name` without the prefix before its first `:`.
    static func local(_ name: String) -> Substring {
        if let colon = name.utf8.firstIndex(of: UInt8(ascii: ":")) {
            return name[name.utf8.index(after: colon)...]
        }
        return name[...]
    }
}

/// One attribute of a start tag, the value with entities decoded and whitespace normalized.
package struct XMLAttribute: Sendable, Hashable {
    /// The qualified name as written (`office:value-type`).
    public var name: String
    /// The value.
    public var value: String

    /// Creates an attribute.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
