import Foundation

extension MIMEHeader {
    /// Where a header block ended and what was noticed while reading it.
    struct Parsed {
        var header: MIMEHeader
        /// Offset of the first body byte (after the blank line), or the end.
        var bodyStart: Int
        var notes: [String]
    }

    /// Reads the header block of `bytes[range]`: fields up to the first empty line.
    ///
    /// A leading mbox `From ` line and a UTF-8 byte order mark are skipped. A line that is not
    /// a field where the header should continue ends the header (as Python's parser does), with
    /// a note; on the first line it means the bytes are not a mail (`requireFields`), or, in a
    /// part, that the part has no header and starts with its body.
    ///
    /// - Throws: ``MIMEError`` when a limit of ``MIMEReader`` is exceeded, or when
    ///   `requireFields` and the first line is not a field.
    /// - Complexity: O(n) for the header's n bytes.
    static func parse(
        _ bytes: [UInt8], in range: Range<Int>, lines: LineIndex, requireFields: Bool
    ) throws(MIMEError) -> Parsed {
        var fields: [Field] = []
        var notes: [String] = []
        var position = range.lowerBound
        if bytes[position..<range.upperBound].starts(with: [0xEF, 0xBB, 0xBF]) { position += 3 }
        if requireFields, bytes[position..<range.upperBound].starts(with: Array("From ".utf8)) {
            position = lineEnd(bytes, from: position, limit: range.upperBound).next
        }
        let headerStart = position
        var current: (name: String, value: [UInt8], line: Int)?

        func finishField() {
            guard let field = current else { return }
            let text = decodeHeaderBytes(field.value)
            fields.append(
                Field(
                    name: field.name, value: text.trimmingASCIIWhitespace,
                    line: field.line))
            current = nil
        }

        while position < range.upperBound {
            let (contentEnd, next) = lineEnd(bytes, from: position, limit: range.upperBound)
            let lineLength = contentEnd - position
            if lineLength == 0 {
                if requireFields && fields.isEmpty && current == nil {
                    throw .notAMail(line: lines.line(at: position), found: "")
                }
                finishField()
                return Parsed(header: MIMEHeader(fields: fields), bodyStart: next, notes: notes)
            }
            if lineLength > MIMEReader.maxHeaderLineLength {
                throw .headerLineTooLong(
                    line: lines.line(at: position), limit: MIMEReader.maxHeaderLineLength)
            }
            if next - headerStart > MIMEReader.maxHeaderBytes {
                throw .headerTooLarge(
                    line: lines.line(at: position), limit: MIMEReader.maxHeaderBytes)
            }
            let first = bytes[position]
            if first == 0x20 || first == 0x09 {
                if current != nil {
                    // Unfolding: the line break goes, the whitespace stays.
                    current?.value += bytes[position..<contentEnd]
                    position = next
                    continue
                }
                if fields.isEmpty && requireFields {
                    throw .notAMail(
                        line: lines.line(at: position), found: excerpt(bytes, position, contentEnd))
                }
                // A continuation with nothing to continue: ignored.
                position = next
                continue
            }
            guard let colon = fieldNameEnd(bytes, from: position, to: contentEnd) else {
                if fields.isEmpty && current == nil {
                    if requireFields {
                        throw .notAMail(
                            line: lines.line(at: position),
                            found: excerpt(bytes, position, contentEnd))
                    }
                    notes.append("line \(lines.line(at: position)): part without a header")
                } else {
                    notes.append(
                        "line \(lines.line(at: position)): header ends without a blank line")
                }
                finishField()
                return Parsed(header: MIMEHeader(fields: fields), bodyStart: position, notes: notes)
            }
            finishField()
            if fields.count >= MIMEReader.maxHeaderFields {
                throw .tooManyHeaderFields(
                    line: lines.line(at: position), limit: MIMEReader.maxHeaderFields)
            }
            var nameEnd = colon
            while nameEnd > position, bytes[nameEnd - 1] == 0x20 || bytes[nameEnd - 1] == 0x09 {
                nameEnd -= 1
            }
            current = (
                String(decoding: bytes[position..<nameEnd], as: UTF8.self),
                Array(bytes[(colon + 1)..<contentEnd]), lines.line(at: position)
            )
            position = next
        }
        finishField()
        if requireFields && fields.isEmpty {
            throw .notAMail(line: lines.line(at: position), found: "")
        }
        return Parsed(header: MIMEHeader(fields: fields), bodyStart: range.upperBound, notes: notes)
    }

    /// The end of the line's content (before CR LF or LF) and the start of the next line.
    static func lineEnd(_ bytes: [UInt8], from start: Int, limit: Int) -> (
        contentEnd: Int, next: Int
    ) {
        var index = start
        while index < limit, bytes[index] != 0x0A { index += 1 }
        let next = index < limit ? index + 1 : limit
        var contentEnd = index
        if contentEnd > start, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        return (contentEnd, next)
    }

    /// The offset of the colon ending a field name (printable ASCII, no spaces inside; spaces
    /// before the colon allowed, RFC 5322 section 4.5), or `nil`.
    private static func fieldNameEnd(_ bytes: [UInt8], from start: Int, to end: Int) -> Int? {
        var index = start
        var sawBlank = false
        while index < end {
            let byte = bytes[index]
            if byte == 0x3A { return index > start ? index : nil }
            if byte == 0x20 || byte == 0x09 {
                sawBlank = true
            } else if byte < 0x21 || byte > 0x7E || sawBlank {
                return nil
            }
            index += 1
        }
        return nil
    }

    /// Header bytes as text: UTF-8 when valid, else Windows-1252.
    static func decodeHeaderBytes(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return MIMECharset.decode(bytes, charset: "windows-1252").text
    }

    private static func excerpt(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        let text = decodeHeaderBytes(Array(bytes[start..<min(end, start + 40)]))
        return text.unicodeScalars.allSatisfy({ $0.value >= 0x20 })
            ? text
            : String(text.unicodeScalars.map { $0.value < 0x20 ? "?" : Character($0) })
    }
}
