import Foundation

/// RFC 2047 encoded words (`=?ISO-8859-1?Q?Andr=E9?=`): non-ASCII text in headers.
///
/// Subjects, display names and (from Outlook) attachment names carry any charset this way.
/// Whitespace between two adjacent encoded words is dropped (RFC 2047 section 6.2), and the
/// bytes of adjacent words in one charset are decoded together, because mailers split a
/// multi-byte character across two words. Leniently, an encoded word is also recognised when
/// glued to text or inside a quoted string, as many mailers write them.
public enum EncodedWord {
    /// Decodes every encoded word in `text`.
    ///
    /// Anything that is not a well-formed encoded word is kept as written.
    ///
    /// - Parameters:
    ///   - text: an unstructured header value or display name, unfolded.
    ///   - notes: receives a note for each charset read by guessing.
    /// - Returns: the text with its encoded words decoded.
    /// - Complexity: O(n): each byte is examined by at most three candidate words.
    public static func decode(_ text: String, notes: inout [String]) -> String {
        guard text.contains("=?") else { return text }
        let bytes = Array(text.utf8)
        var output = ""
        // Charset and raw bytes of the run of adjacent encoded words being collected.
        var runCharset: String?
        var runBytes: [UInt8] = []
        var literalStart = 0
        var index = 0

        func flushRun() {
            if let charset = runCharset {
                let decoded = MIMECharset.decode(runBytes, charset: charset)
                output += decoded.text
                if let note = decoded.note, !notes.contains(note) { notes.append(note) }
                runCharset = nil
                runBytes.removeAll(keepingCapacity: true)
            }
        }

        while index < bytes.count {
            if bytes[index] == 0x3D, index + 1 < bytes.count, bytes[index + 1] == 0x3F,
                let word = parseWord(bytes, at: index)
            {
                // Text between the previous word and this one.
                let between = literalStart < index ? Array(bytes[literalStart..<index]) : []
                let onlyBlanks = between.allSatisfy {
                    $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A
                }
                if runCharset == nil || !onlyBlanks {
                    flushRun()
                    output += String(decoding: between, as: UTF8.self)
                }  // else adjacent encoded words: the whitespace between them disappears.
                if let charset = runCharset,
                    charset == word.charset
                        || MIMECharset.normalized(charset) == MIMECharset.normalized(word.charset)
                {
                    runBytes += word.bytes
                } else {
                    flushRun()
                    runCharset = word.charset
                    runBytes = word.bytes
                }
                index = word.end
                literalStart = index
                continue
            }
            index += 1
        }
        flushRun()
        if literalStart < bytes.count {
            output += String(decoding: bytes[literalStart...], as: UTF8.self)
        }
        return output
    }

    /// Decodes the Q encoding of RFC 2047 section 4.2: `_` is a space, `=XX` a byte.
    ///
    /// - Complexity: O(n).
    public static func decodeQ(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        let input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == 0x5F {
                output.append(0x20)
            } else if byte == 0x3D, index + 2 < input.count,
                let high = QuotedPrintable.hexValue(input[index + 1]),
                let low = QuotedPrintable.hexValue(input[index + 2])
            {
                output.append(high << 4 | low)
                index += 2
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }

    /// One encoded word starting at `start` (`=?charset?B|Q?text?=`), or `nil`.
    private static func parseWord(_ bytes: [UInt8], at start: Int)
        -> (charset: String, bytes: [UInt8], end: Int)?
    {
        var index = start + 2
        let charsetStart = index
        while index < bytes.count, bytes[index] != 0x3F {
            if isBlankOrControl(bytes[index]) { return nil }
            index += 1
        }
        guard index < bytes.count, index > charsetStart else { return nil }
        let charset = String(decoding: bytes[charsetStart..<index], as: UTF8.self)
        index += 1
        guard index + 1 < bytes.count, bytes[index + 1] == 0x3F else { return nil }
        let encoding = bytes[index] | 0x20
        guard encoding == 0x62 || encoding == 0x71 else { return nil }
        index += 2
        let textStart = index
        while index < bytes.count, bytes[index] != 0x3F {
            if isBlankOrControl(bytes[index]) { return nil }
            index += 1
        }
        guard index + 1 < bytes.count, bytes[index + 1] == 0x3D else { return nil }
        let text = bytes[textStart..<index]
        let decoded = encoding == 0x62 ? Base64.decode(text) : decodeQ(text)
        return (charset, decoded, index + 2)
    }

    private static func isBlankOrControl(_ byte: UInt8) -> Bool { byte <= 0x20 || byte == 0x7F }
}
