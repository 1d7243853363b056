/// The one rendering of untrusted text (file contents, file names, stored values) for a
/// terminal.
///
/// A delegation's cell or a file's name must only ever be shown as text: an ESC could clear
/// the screen or set the window title, a CR could overwrite an error line with "file
/// accepted", a bidi override could reverse what the reader sees. Every diagnostic, receipt
/// and table goes through ``safe(_:keepingLineBreaks:)``; nothing else in the tool
/// sanitizes text on its own.
///
/// The scheme, chosen to stay readable and one character per character where possible:
///
/// | Input                                   | Shown as                          |
/// |-----------------------------------------|-----------------------------------|
/// | C0 controls U+0000–U+001F (ESC, BEL, CR) | control pictures `␀`…`␟` (`␛`, `␇`, `␍`) |
/// | TAB                                     | a space                           |
/// | LF                                      | `␊` (kept as a line break only where the caller lays out lines) |
/// | DEL U+007F                              | `␡`                               |
/// | C1 controls U+0080–U+009F               | `<U+009B>`                        |
/// | bidi embeddings, overrides, isolates, marks (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069) | `<U+202E>` |
/// | line and paragraph separators U+2028, U+2029, NEL U+0085 | `<U+2028>`            |
public enum TerminalText {
    /// The longest piece of untrusted text quoted inside a message: 200 characters.
    ///
    /// A 1 MiB cell quoted whole in each of its errors would print gigabytes; the start is
    /// enough to find it, and the diagnostic's position says where it is.
    public static let quotedLimit = 200

    /// `text` with every character that could act on a terminal made visible.
    ///
    /// - Parameters:
    ///   - text: the untrusted text.
    ///   - keepingLineBreaks: keep LF as a line break (for text the tool lays out
    ///     in lines itself); CR is always shown.
    /// - Returns: the text, safe to print.
    /// - Complexity: O(n) in the length of `text`.
    public static func safe(_ text: String, keepingLineBreaks: Bool = false) -> String {
        // Fast path: most text holds nothing to replace.
        if !text.unicodeScalars.contains(where: {
            needsReplacement($0, keepingLineBreaks: keepingLineBreaks)
        }) {
            return text
        }
        var out = String.UnicodeScalarView()
        // A Windows line ending is one line break where lines are kept.
        let lines = keepingLineBreaks ? text.replacing("\r\n", with: "\n") : text
        for scalar in lines.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x0A where keepingLineBreaks: out.append(scalar)
            case 0x09: out.append(" ")
            case 0x00..<0x20:
                if let picture = Unicode.Scalar(0x2400 + value) { out.append(picture) }
            case 0x7F: out.append("\u{2421}")
            case _ where isInvisibleFormatting(value):
                out.append(contentsOf: visibleCode(value).unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// `text` cut to ``quotedLimit`` characters, then `… (N more characters)`, for quoting
    /// inside a message.
    ///
    /// The count tells the reader the value was cut and by how much (a 1,000,000-character
    /// name is not a typo); the position in the diagnostic says where the whole is.
    ///
    /// - Complexity: O(n) in the length of `text` to count what was cut (no copy of it).
    public static func clipped(_ text: some StringProtocol, limit: Int = quotedLimit) -> String {
        var count = 0
        var end = text.startIndex
        while end < text.endIndex, count < limit {
            end = text.index(after: end)
            count += 1
        }
        guard end < text.endIndex else { return String(text) }
        let rest = text[end...].count
        return String(text[..<end]) + "… (\(rest) more character\(rest == 1 ? "" : "s"))"
    }

    /// The most items a message lists before "and N more": 10.
    public static let listedLimit = 10

    /// `items` quoted (each ``clipped(_:limit:)``), joined by commas, the first `limit` of them
    /// then "and N more": a list in a message stays one readable line however long it is.
    ///
    /// - Complexity: O(min(n, `limit`)) items quoted.
    public static func quotedList(_ items: [String], limit: Int = listedLimit) -> String {
        list(items, limit: limit) { "\"" + clipped($0) + "\"" }
    }

    /// The first `limit` of `items`, each shown by `show`, joined by `separator`, then "and N
    /// more":
    /// the one way a message lists things (sheets, skipped entries, mail parts).
    ///
    /// - Complexity: O(min(n, `limit`)) calls of `show`.
    public static func list<Item>(
        _ items: [Item], limit: Int = listedLimit, separator: String = ", ",
        _ show: (Item) -> String
    ) -> String {
        var shown = items.prefix(limit).map(show).joined(separator: separator)
        if items.count > limit { shown += " and \(items.count - limit) more" }
        return shown
    }

    static func needsReplacement(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
        let value = scalar.value
        if value == 0x0A { return !keepingLineBreaks }
        return value < 0x20 || value == 0x7F || isInvisibleFormatting(value)
    }

    /// C1 controls, bidi controls and line/paragraph separators: shown as `<U+XXXX>`.
    static func isInvisibleFormatting(_ value: UInt32) -> Bool {
        switch value {
        case 0x80...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    static func visibleCode(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }
}
