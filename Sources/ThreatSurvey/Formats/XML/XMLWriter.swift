/// Writes an XML document, escaping every piece of text and attribute value.
///
/// The office writers build their parts with it, so that a delegation's text can never become
/// markup, close a CDATA section or break the file: `&`, `<`, `>` and quotes are escaped, and
/// the characters XML 1.0 does not allow at all (C0 controls other than tab, line feed and
/// carriage return; U+FFFE, U+FFFF) are replaced by visible stand-ins (``clean(_:)``), since no
/// escape can carry them. Element names and attribute names are the writer's own constants,
/// never text from a file.
///
/// ```swift
/// var xml = XMLWriter()
/// xml.start("w:p")
/// xml.element("w:t", ["xml:space": "preserve"], text: comment)
/// xml.end()
/// let bytes = xml.finish()
/// ```
///
/// See XML 1.0 (Fifth Edition), §2.2 (characters) and §3.3.3 (attribute-value normalisation,
/// why tabs and line ends in attributes are written as character references).
public struct XMLWriter: Sendable {
    /// The text written so far.
    public private(set) var output: String
    private var open: [String] = []

    /// A document that starts with the XML declaration (UTF-8, standalone), as office parts
    /// do; with `declaration: false`, a fragment to ``append(_:)`` to another writer.
    public init(declaration: Bool = true) {
        output =
            declaration ? "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" : ""
    }

    /// Appends a fragment written by another writer (its open elements closed first), for
    /// parts whose beginning depends on what their end needs (styles found while writing).
    public mutating func append(_ fragment: XMLWriter) {
        var fragment = fragment
        while !fragment.open.isEmpty { fragment.end() }
        output += fragment.output
    }

    /// Opens an element; ``end()`` closes it.
    public mutating func start(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        start(name, attributes: attributes.map { ($0.key, $0.value) })
    }

    /// Opens an element whose attributes are computed; ``end()`` closes it.
    public mutating func start(_ name: String, attributes: [(String, String)]) {
        writeTag(name, attributes)
        output += ">"
        open.append(name)
    }

    /// Closes the innermost open element.
    public mutating func end() {
        guard let name = open.popLast() else { return }
        output += "</\(name)>"
    }

    /// Writes an element without content (`<w:b/>`).
    public mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        empty(name, attributes: attributes.map { ($0.key, $0.value) })
    }

    /// Writes an element without content, its attributes computed.
    public mutating func empty(_ name: String, attributes: [(String, String)]) {
        writeTag(name, attributes)
        output += "/>"
    }

    /// Writes an element holding only `text`.
    public mutating func element(
        _ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String
    ) {
        start(name, attributes)
        self.text(text)
        end()
    }

    /// Writes character data, escaped.
    public mutating func text(_ text: String) {
        output += Self.escapedText(text)
    }

    /// The document's bytes, every element still open closed first.
    public mutating func finish() -> [UInt8] {
        while !open.isEmpty { end() }
        return Array(output.utf8)
    }

    private mutating func writeTag(_ name: String, _ attributes: [(String, String)]) {
        output += "<" + name
        for (key, value) in attributes {
            output += " \(key)=\"\(Self.escapedAttribute(value))\""
        }
    }

    /// `text` as character data: `&`, `<`, `>` escaped (so `]]>` cannot occur), a carriage
    /// return kept as `&#13;` (a parser would turn a raw one into a line feed), forbidden
    /// characters replaced (``clean(_:)``).
    ///
    /// - Complexity: O(n).
    public static func escapedText(_ text: String) -> String {
        escape(text, attribute: false)
    }

    /// `text` as a double-quoted attribute value: also `"` and `'` escaped, and tab, line feed
    /// and carriage return written as references, which attribute-value normalisation would
    /// otherwise turn into spaces.
    ///
    /// - Complexity: O(n).
    public static func escapedAttribute(_ text: String) -> String {
        escape(text, attribute: true)
    }

    /// `text` with the characters XML 1.0 cannot hold replaced by visible stand-ins: a C0
    /// control by its Control Picture (U+0001 → `␁`), U+FFFE and U+FFFF by U+FFFD.
    ///
    /// Replaced rather than dropped, so that the reader sees that something was there.
    ///
    /// - Complexity: O(n).
    public static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { Self.replacement(for: $0) != nil }) else {
            return text
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(replacement(for: scalar) ?? scalar) }
        return String(out)
    }

    /// The stand-in for a scalar XML 1.0 forbids; `nil` for an allowed one.
    private static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return nil
        case 0x00..<0x20: return Unicode.Scalar(0x2400 + scalar.value)
        case 0xFFFE, 0xFFFF: return "\u{FFFD}"
        default: return nil
        }
    }

    private static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            default: out.unicodeScalars.append(replacement(for: scalar) ?? scalar)
            }
        }
        return out
    }
}
