/// Plain text from an RTF body (Outlook's compressed RTF, once decompressed).
///
/// Not an RTF reader: it keeps the characters a delegation typed and the paragraph breaks,
/// and drops formatting, font and colour tables, pictures and the HTML tags Outlook keeps in
/// `\*\htmltag` groups when the RTF encapsulates an HTML body.
enum RTFText {
    /// Destinations whose content is not body text.
    private static let skipped: Set<String> = [
        "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "footer",
        "headerl", "headerr", "footerl", "footerr", "listtable", "listoverridetable",
        "rsidtbl", "generator", "xmlnstbl", "themedata", "latentstyles", "datastore",
        "htmltag", "mhtmltag", "fldinst",
    ]

    /// The text of `rtf`, 8-bit escapes (`\'hh`) decoded with `\ansicpgN` or `codePage`.
    ///
    /// - Complexity: O(n).
    static func plain(_ rtf: [UInt8], codePage: Int?) -> String {
        var codePage = codePage
        var out = ""
        var pending: [UInt8] = []  // 8-bit bytes waiting for decoding
        var skipDepth: Int?  // group depth at which skipping started
        var depth = 0
        var unicodeSkip = 1  // \ucN: bytes to skip after \uN
        var toSkip = 0
        var index = 0
        func flush() {
            guard !pending.isEmpty else { return }
            out += MAPICodePage.decode(pending, codePage: codePage).text
            pending.removeAll()
        }
        func emit(_ text: String) {
            flush()
            out += text
        }
        while index < rtf.count {
            let byte = rtf[index]
            index += 1
            switch byte {
            case UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: "}"):
                if let skip = skipDepth, depth <= skip { skipDepth = nil }
                depth -= 1
            case UInt8(ascii: "\\"):
                guard index < rtf.count else { break }
                let next = rtf[index]
                if next == UInt8(ascii: "'") {
                    // \'hh: one 8-bit byte in the document's code page.
                    let hex = String(
                        decoding: rtf[min(index + 1, rtf.count)..<min(index + 3, rtf.count)],
                        as: UTF8.self)
                    index = min(index + 3, rtf.count)
                    if toSkip > 0 { toSkip -= 1; continue }
                    if skipDepth == nil, let value = UInt8(hex, radix: 16) { pending.append(value) }
                    continue
                }
                if !isLetter(next) {
                    // Control symbols: \\ \{ \} are text, \* marks an optional destination.
                    index += 1
                    if next == UInt8(ascii: "*") {
                        if skipDepth == nil { skipDepth = depth }
                    } else if skipDepth == nil,
                        next == UInt8(ascii: "\\") || next == UInt8(ascii: "{")
                            || next == UInt8(ascii: "}")
                    {
                        emit(String(UnicodeScalar(next)))
                    } else if skipDepth == nil, next == UInt8(ascii: "~") {
                        emit(" ")
                    }
                    continue
                }
                var word = ""
                while index < rtf.count, isLetter(rtf[index]), word.count < 32 {
                    word.unicodeScalars.append(UnicodeScalar(rtf[index]))
                    index += 1
                }
                var digits = ""
                if index < rtf.count, rtf[index] == UInt8(ascii: "-") { digits = "-"; index += 1 }
                while index < rtf.count, rtf[index] >= 0x30, rtf[index] <= 0x39, digits.count < 11 {
                    digits.unicodeScalars.append(UnicodeScalar(rtf[index]))
                    index += 1
                }
                if index < rtf.count, rtf[index] == UInt8(ascii: " ") { index += 1 }
                let parameter = Int(digits)
                if skipped.contains(word) {
                    if skipDepth == nil { skipDepth = depth }
                    continue
                }
                switch word {
                case "ansicpg": codePage = parameter ?? codePage
                case "uc": unicodeSkip = max(0, min(parameter ?? 1, 8))
                case "u":
                    if skipDepth == nil, let value = parameter {
                        let scalar = UInt32(truncatingIfNeeded: value < 0 ? value + 65_536 : value)
                        emit(UnicodeScalar(scalar).map { String(Character($0)) } ?? "\u{FFFD}")
                    }
                    toSkip = unicodeSkip
                case "par", "line", "row": if skipDepth == nil { emit("\n") }
                case "tab", "cell": if skipDepth == nil { emit("\t") }
                default: break
                }
            case 0x0D, 0x0A, 0x00:
                // Line ends in RTF source are not text; some writers end the body with a NUL.
                break
            default:
                if toSkip > 0 { toSkip -= 1; continue }
                if skipDepth == nil { pending.append(byte) }
            }
        }
        flush()
        return out
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
