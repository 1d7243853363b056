/// A small non-validating XML 1.0 pull reader over UTF-8 bytes, with positions.
///
/// Written for the tool instead of FoundationXML's `XMLParser` so that no document type
/// definition is ever read and no entity or external resource ever resolved: a `<!DOCTYPE` is
/// refused outright (``XMLError/Code/doctypeRefused``), which rules out "billion laughs" and
/// external-entity attacks by construction. It reads elements and attributes (names as written,
/// prefixes kept), character data with the five predefined entities and numeric character
/// references, and CDATA; comments, processing instructions and the XML declaration are
/// skipped. Nesting is limited to ``maximumDepth`` and elements to ``maximumElements`` (or a
/// lower limit given at creation). Every error carries `LINE:COLUMN`.
///
/// ```swift
/// var reader = XMLReader(bytes: bytes)
/// while let event = try reader.next() { … }
/// ```
///
/// See <https://www.w3.org/TR/xml/> (well-formedness only).
package struct XMLReader {
    /// Deepest element nesting accepted (256); office parts need fewer than 20.
    public static let maximumDepth = 256
    /// Most elements accepted in one document by default (10,000,000): a 1,048,576-row sheet of
    /// four cells holds about that many, and the count bounds the work done on hostile input.
    public static let maximumElements = 10_000_000

    private let bytes: [UInt8]
    private let elementLimit: Int
    private var index = 0
    private var stack: [String] = []
    private var elements = 0
    private var rootClosed = false
    private var pendingEnd = false
    // Cache for location(of:): the last offset resolved and its line and column.
    private var known = (offset: 0, line: 1, column: 1)

    /// Prepares to read `bytes` (UTF-8, an optional byte-order mark is skipped).
    ///
    /// - Parameters:
    ///   - bytes: the document.
    ///   - maximumElements: a lower element limit for this document, if wanted.
    public init(bytes: [UInt8], maximumElements: Int = XMLReader.maximumElements) {
        self.bytes = bytes
        self.elementLimit = min(maximumElements, XMLReader.maximumElements)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// The current nesting depth (1 inside the root element).
    public var depth: Int { stack.count }

    /// The next event, or `nil` after the root element has ended and only trailing comments,
    /// processing instructions and whitespace remain.
    ///
    /// - Throws: ``XMLError`` at the first place the text stops being well-formed XML, at a
    ///   `<!DOCTYPE`, or beyond a limit.
    /// - Complexity: amortized O(length of the event's text).
    public mutating func next() throws(XMLError) -> XMLEvent? {
        if pendingEnd {
            pendingEnd = false
            return .end(pop())
        }
        let n = bytes.count
        while index < n {
            let start = index
            if bytes[index] != UInt8(ascii: "<") {
                while index < n, bytes[index] != UInt8(ascii: "<") { index += 1 }
                if stack.isEmpty {
                    if let bad = (start..<index).first(where: { !Self.isSpace(bytes[$0]) }) {
                        if bytes[bad] == 0xFE || bytes[bad] == 0xFF || bytes[bad] == 0 {
                            throw error(
                                .unsupportedEncoding, at: bad, "only UTF-8 XML is supported")
                        }
                        throw error(.syntax, at: bad, "text outside the root element")
                    }
                    continue
                }
                return .text(try decode(start, index, attribute: false))
            }
            guard index + 1 < n else {
                throw error(.syntax, at: index, "unexpected end of file after '<'")
            }
            switch bytes[index + 1] {
            case UInt8(ascii: "?"):
                index = try skip(
                    past: "?>", from: index + 2, what: "processing instruction", openedAt: start)
            case UInt8(ascii: "!"):
                if matches("<!--", at: index) {
                    index = try skip(past: "-->", from: index + 4, what: "comment", openedAt: start)
                } else if matches("<![CDATA[", at: index) {
                    let end = try skip(
                        past: "]]>", from: index + 9, what: "CDATA section", openedAt: start)
                    if stack.isEmpty {
                        throw error(.syntax, at: start, "CDATA outside the root element")
                    }
                    index = end
                    return .text(String(decoding: bytes[(start + 9)..<(end - 3)], as: UTF8.self))
                } else if matches("<!DOCTYPE", at: index) {
                    throw error(
                        .doctypeRefused, at: start,
                        "document type declarations (<!DOCTYPE) are not accepted")
                } else {
                    throw error(.syntax, at: start, "unexpected '<!'")
                }
            case UInt8(ascii: "/"):
                return .end(try endTag())
            default:
                return .start(try startTag())
            }
        }
        if let open = stack.last {
            throw error(.syntax, at: n, "unexpected end of file; <\(open)> is not closed")
        }
        if !rootClosed { throw error(.syntax, at: n, "no root element") }
        return nil
    }

    /// The line and column (1-based, column in characters) of byte `offset`.
    ///
    /// - Complexity: O(offset − previous offset) when called with growing offsets, O(offset)
    ///   otherwise.
    public mutating func location(of offset: Int) -> (line: Int, column: Int) {
        let target = max(0, min(offset, bytes.count))
        if target < known.offset { known = (0, 1, 1) }
        var (at, line, column) = known
        while at < target {
            let byte = bytes[at]
            if byte == 0x0A || (byte == 0x0D && (at + 1 >= bytes.count || bytes[at + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 && byte != 0x0D {
                column += 1
            }
            at += 1
        }
        known = (target, line, column)
        return (line, column)
    }

    // MARK: - Tags

    private mutating func startTag() throws(XMLError) -> XMLTag {
        let start = index
        if rootClosed { throw error(.syntax, at: start, "a second root element") }
        if stack.count >= Self.maximumDepth {
            throw error(.depthLimit, at: start, "elements nested deeper than \(Self.maximumDepth)")
        }
        elements += 1
        if elements > elementLimit {
            throw error(.elementLimit, at: start, "more than \(elementLimit) elements")
        }
        index += 1
        let name = try readName(what: "element name")
        var attributes: [XMLAttribute] = []
        while true {
            let hadSpace = skipSpace()
            guard index < bytes.count else {
                throw error(.syntax, at: start, "unexpected end of file in the tag <\(name)>")
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") {
                index += 1
                break
            }
            if byte == UInt8(ascii: "/") {
                guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") else {
                    throw error(.syntax, at: index, "expected '>' after '/'")
                }
                index += 2
                pendingEnd = true
                break
            }
            if !hadSpace {
                throw error(.syntax, at: index, "expected a space before the attribute")
            }
            let attributeName = try readName(what: "attribute name")
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                throw error(.syntax, at: index, "expected '=' after the attribute \(attributeName)")
            }
            index += 1
            skipSpace()
            guard index < bytes.count,
                bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'")
            else {
                throw error(
                    .syntax, at: index, "expected a quoted value for the attribute \(attributeName)"
                )
            }
            let quote = bytes[index]
            let valueStart = index + 1
            index = valueStart
            while index < bytes.count, bytes[index] != quote {
                if bytes[index] == UInt8(ascii: "<") {
                    throw error(
                        .syntax, at: index, "'<' in the value of the attribute \(attributeName)")
                }
                index += 1
            }
            guard index < bytes.count else {
                throw error(
                    .syntax, at: valueStart - 1, "unclosed value of the attribute \(attributeName)")
            }
            let value = try decode(valueStart, index, attribute: true)
            index += 1
            attributes.append(XMLAttribute(name: attributeName, value: value))
        }
        stack.append(name)
        return XMLTag(name: name, attributes: attributes, offset: start)
    }

    private mutating func endTag() throws(XMLError) -> String {
        let start = index
        index += 2
        let nameStart = index
        while index < bytes.count, !Self.isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") {
            index += 1
        }
        let nameEnd = index
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else {
            throw error(.syntax, at: index, "expected '>' to end the closing tag")
        }
        index += 1
        guard let open = stack.last else {
            throw error(.syntax, at: start, "a closing tag with no open element")
        }
        guard open.utf8.elementsEqual(bytes[nameStart..<nameEnd]) else {
            let found = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
            throw error(.syntax, at: start, "</\(found)> closes <\(open)>")
        }
        return pop()
    }

    private mutating func pop() -> String {
        let name = stack.removeLast()
        if stack.isEmpty { rootClosed = true }
        return name
    }

    private mutating func readName(what: String) throws(XMLError) -> String {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if Self.isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
                || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "<")
                || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "'")
            {
                break
            }
            index += 1
        }
        guard index > start else { throw error(.syntax, at: start, "expected an \(what)") }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = index
        while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
        return index > start
    }

    /// The index just past the next `terminator` at or after `from`.
    private mutating func skip(
        past terminator: StaticString, from: Int, what: String, openedAt: Int
    ) throws(XMLError) -> Int {
        let first = terminator.utf8Start.pointee
        var at = from
        while at < bytes.count {
            if bytes[at] == first, matches(terminator, at: at) {
                return at + terminator.utf8CodeUnitCount
            }
            at += 1
        }
        throw error(.syntax, at: openedAt, "unclosed \(what)")
    }

    private func matches(_ text: StaticString, at: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard at <= bytes.count - count else { return false }
        let pointer = text.utf8Start
        for k in 0..<count where bytes[at + k] != pointer[k] { return false }
        return true
    }

    // MARK: - Text

    /// The text of `bytes[start..<end]` with references decoded and line ends normalized (and,
    /// in attribute values, tabs and line ends turned into spaces).
    private mutating func decode(_ start: Int, _ end: Int, attribute: Bool) throws(XMLError)
        -> String
    {
        var plain = true
        for at in start..<end {
            let byte = bytes[at]
            if byte == UInt8(ascii: "&") || byte == 0x0D
                || (attribute && (byte == 0x0A || byte == 0x09))
            {
                plain = false
                break
            }
        }
        if plain { return String(decoding: bytes[start..<end], as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var at = start
        while at < end {
            let byte = bytes[at]
            switch byte {
            case UInt8(ascii: "&"):
                at = try reference(at, end, into: &out)
                continue
            case 0x0D:
                out.append(attribute ? 0x20 : 0x0A)
                if at + 1 < end, bytes[at + 1] == 0x0A { at += 1 }
            case 0x0A, 0x09:
                out.append(attribute ? 0x20 : byte)
            default:
                out.append(byte)
            }
            at += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes the reference starting with `&` at `at`; returns the index after its `;`.
    private mutating func reference(_ at: Int, _ end: Int, into out: inout [UInt8]) throws(XMLError)
        -> Int
    {
        // The longest reference worth reading: `&#x10FFFF;` with some leading zeros.
        var semicolon = at + 1
        while semicolon < end, semicolon - at <= 32, bytes[semicolon] != UInt8(ascii: ";") {
            semicolon += 1
        }
        guard semicolon < end, bytes[semicolon] == UInt8(ascii: ";") else {
            throw error(.syntax, at: at, "'&' not starting an entity reference (write &amp;)")
        }
        let body = bytes[(at + 1)..<semicolon]
        switch String(decoding: body, as: UTF8.self) {
        case "amp": out.append(UInt8(ascii: "&"))
        case "lt": out.append(UInt8(ascii: "<"))
        case "gt": out.append(UInt8(ascii: ">"))
        case "quot": out.append(UInt8(ascii: "\""))
        case "apos": out.append(UInt8(ascii: "'"))
        default:
            guard body.first == UInt8(ascii: "#") else {
                let name = String(decoding: body, as: UTF8.self)
                throw error(.undefinedEntity, at: at, "undefined entity &\(name);")
            }
            var digits = body.dropFirst()
            var radix: UInt32 = 10
            if digits.first == UInt8(ascii: "x") {
                radix = 16
                digits = digits.dropFirst()
            }
            var value: UInt32 = 0
            for digit in digits {
                guard let d = Self.digit(digit, radix: radix), value <= 0x10FFFF else {
                    throw error(.syntax, at: at, "malformed character reference")
                }
                value = value * radix + d
            }
            guard !digits.isEmpty, value == 0x09 || value == 0x0A || value == 0x0D || value >= 0x20,
                let scalar = Unicode.Scalar(value), value != 0xFFFE, value != 0xFFFF
            else {
                throw error(
                    .syntax, at: at, "character reference to a character XML does not allow")
            }
            out.append(contentsOf: String(Character(scalar)).utf8)
        }
        return semicolon + 1
    }

    private static func digit(_ byte: UInt8, radix: UInt32) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16:
            return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16:
            return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private mutating func error(_ code: XMLError.Code, at offset: Int, _ message: String)
        -> XMLError
    {
        let (line, column) = location(of: offset)
        return XMLError(code, line: line, column: column, message: message)
    }
}
