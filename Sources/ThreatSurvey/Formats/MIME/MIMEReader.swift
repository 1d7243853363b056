import Foundation

/// Reads RFC 5322 / MIME bytes into a tree of ``MIMEPart``s, under documented limits.
///
/// Real mail is sloppy, so the reader is lenient where nothing is lost: LF or CRLF line ends,
/// no `MIME-Version`, a missing closing boundary (the last part runs to the end), a multipart
/// without boundary (read as text); each is said in the part's notes. It stops only at bytes
/// that are not a mail and at the limits below, which bound memory and recursion for a file
/// built to exhaust them. Boundaries follow RFC 2046 section 5.1.1: a delimiter is a line
/// `--boundary` (transport padding allowed after it), the line break before it belongs to it,
/// `--boundary--` closes the multipart; the preamble and epilogue are ignored.
public struct MIMEReader {
    /// The most bytes one header block may have: 1 MiB (real headers are a few KiB; long
    /// `Received` chains stay far below).
    public static let maxHeaderBytes = 1 << 20
    /// The most fields one header block may have.
    public static let maxHeaderFields = 10_000
    /// The longest header line read, in bytes.
    ///
    /// 100 times RFC 5322's 998, for mailers that write a whole folded header on one line.
    /// Body lines are not limited.
    public static let maxHeaderLineLength = 100_000
    /// How deep multiparts and forwarded messages may nest (each level counts one).
    public static let maxNestingDepth = 16
    /// The most parts (entities, the mail itself included) a mail may have.
    public static let maxParts = 1_000
    /// How deep forwarded messages (`message/rfc822`) may nest inside each other.
    public static let maxMessageDepth = 8

    /// Fields of which a top-level header must have one to be a mail.
    private static let mailFieldNames: Set<String> = [
        "from", "to", "cc", "subject", "date", "received", "message-id", "mime-version",
        "content-type", "sender", "reply-to", "return-path", "delivered-to", "x-mailer",
        "in-reply-to", "references", "content-transfer-encoding", "thread-topic",
    ]

    private var partCount = 0

    /// Reads `bytes` as a mail.
    ///
    /// - Throws: ``MIMEError/notAMail(line:found:)`` when the bytes do not start with a header
    ///   block naming at least one mail field (`From`, `Subject`, `Content-Type`, …), and a
    ///   limit error when one of the limits above is exceeded.
    /// - Complexity: O(n·d) for n bytes and d ≤ ``maxNestingDepth`` nesting levels: each
    ///   level scans its own bytes once for its boundary.
    public static func read(_ bytes: [UInt8]) throws(MIMEError) -> MIMEPart {
        var reader = MIMEReader()
        let lines = LineIndex(bytes)
        return try reader.message(
            bytes, range: 0..<bytes.count, lines: lines, depth: 0, messageDepth: 0)
    }

    private mutating func message(
        _ bytes: [UInt8], range: Range<Int>, lines: LineIndex, depth: Int, messageDepth: Int
    ) throws(MIMEError) -> MIMEPart {
        guard !range.isEmpty else {
            throw .notAMail(line: lines.line(at: range.lowerBound), found: "")
        }
        let parsed = try MIMEHeader.parse(bytes, in: range, lines: lines, requireFields: true)
        guard
            parsed.header.fields.contains(where: {
                Self.mailFieldNames.contains($0.name.lowercased())
            })
        else {
            let first = parsed.header.fields.first
            throw .notAMail(
                line: first?.line ?? lines.line(at: range.lowerBound),
                found: first.map { "\($0.name): \($0.value)".prefix(40) }.map(String.init) ?? "")
        }
        return try part(
            bytes, parsed: parsed, range: range, lines: lines, depth: depth,
            messageDepth: messageDepth, defaultType: "text/plain")
    }

    private mutating func part(
        _ bytes: [UInt8], parsed: MIMEHeader.Parsed, range: Range<Int>, lines: LineIndex,
        depth: Int, messageDepth: Int, defaultType: String
    ) throws(MIMEError) -> MIMEPart {
        partCount += 1
        let line = lines.line(at: range.lowerBound)
        if partCount > Self.maxParts { throw .tooManyParts(line: line, limit: Self.maxParts) }
        if depth > Self.maxNestingDepth {
            throw .nestingTooDeep(line: line, limit: Self.maxNestingDepth)
        }
        var notes = parsed.notes
        var contentType = ParameterValue(parsed.header["content-type"] ?? defaultType)
        notes += contentType.notes.map { "line \(line): \($0)" }
        if contentType.value.isEmpty || !contentType.value.contains("/") {
            if parsed.header["content-type"] != nil {
                notes.append(
                    "line \(line): unreadable Content-Type \"\(contentType.value)\" read as \(defaultType)"
                )
            }
            contentType = ParameterValue(defaultType)
        }
        let body = bytes[parsed.bodyStart..<range.upperBound]
        var result = MIMEPart(
            header: parsed.header, contentType: contentType, body: body, content: .leaf,
            line: line, notes: notes)
        let encoding = result.transferEncoding
        if !["7bit", "8bit", "binary", "base64", "quoted-printable"].contains(encoding) {
            result.notes.append(
                "line \(line): unknown transfer encoding \"\(encoding)\" read as is")
        }

        if contentType.value.hasPrefix("multipart/") {
            guard let boundary = contentType["boundary"], !boundary.isEmpty else {
                result.notes.append("line \(line): multipart without boundary read as text")
                result.contentType = ParameterValue("text/plain")
                return result
            }
            let childType =
                contentType.value == "multipart/digest" ? "message/rfc822" : "text/plain"
            let split = Self.split(
                bytes, range: parsed.bodyStart..<range.upperBound, boundary: boundary)
            if split.parts.isEmpty {
                result.notes.append(
                    "line \(line): multipart without any \"--\(boundary)\" line read as text")
                result.contentType = ParameterValue("text/plain")
                return result
            }
            if !split.closed {
                result.notes.append(
                    "line \(line): multipart not closed by \"--\(boundary)--\"; last part read to the end"
                )
            }
            var children: [MIMEPart] = []
            for childRange in split.parts {
                let childParsed: MIMEHeader.Parsed
                if childRange.isEmpty {
                    childParsed = MIMEHeader.Parsed(
                        header: MIMEHeader(), bodyStart: childRange.lowerBound, notes: [])
                } else {
                    childParsed = try MIMEHeader.parse(
                        bytes, in: childRange, lines: lines, requireFields: false)
                }
                children.append(
                    try part(
                        bytes, parsed: childParsed, range: childRange, lines: lines,
                        depth: depth + 1,
                        messageDepth: messageDepth, defaultType: childType))
            }
            result.content = .multipart(children)
        } else if contentType.value == "message/rfc822" || contentType.value == "message/global" {
            if messageDepth + 1 > Self.maxMessageDepth {
                throw .messagesTooDeep(line: line, limit: Self.maxMessageDepth)
            }
            let inner: MIMEPart
            do {
                if encoding == "base64" || encoding == "quoted-printable" {
                    let decoded = result.decodedBody
                    inner = try message(
                        decoded, range: 0..<decoded.count, lines: LineIndex(decoded),
                        depth: depth + 1, messageDepth: messageDepth + 1)
                } else {
                    inner = try message(
                        bytes, range: body.startIndex..<body.endIndex, lines: lines,
                        depth: depth + 1, messageDepth: messageDepth + 1)
                }
            } catch .notAMail {
                result.notes.append(
                    "line \(line): message/rfc822 part is not a mail; kept as a file")
                return result
            }
            result.content = .message(inner)
        }
        return result
    }

    /// The byte ranges of the parts of a multipart body, and whether the close delimiter was
    /// found.
    ///
    /// - Complexity: O(n): delimiter candidates are only compared at line starts, and each
    ///   comparison stops at the line's end.
    ///
    /// A nested multipart that reuses this boundary (Outlook Express wrote
    /// `multipart/alternative` inside `multipart/mixed` with one boundary) is kept whole: a
    /// delimiter belongs to the innermost open multipart with that boundary, as MimeKit and
    /// Thunderbird read it, so its lines up to its own `--boundary--` stay inside the part
    /// that declares it, and the outer multipart's later parts are not lost.
    static func split(_ bytes: [UInt8], range: Range<Int>, boundary: String)
        -> (parts: [Range<Int>], closed: Bool)
    {
        let delimiter = Array("--".utf8) + Array(boundary.utf8)
        var parts: [Range<Int>] = []
        var partStart: Int?
        // Multiparts with this same boundary open inside the current part.
        var reused = 0
        var position = range.lowerBound
        while position < range.upperBound {
            let (contentEnd, next) = MIMEHeader.lineEnd(
                bytes, from: position, limit: range.upperBound)
            if contentEnd - position >= delimiter.count,
                bytes[position..<(position + delimiter.count)].elementsEqual(delimiter)
            {
                var rest = position + delimiter.count
                var closing = false
                if rest + 2 <= contentEnd, bytes[rest] == 0x2D, bytes[rest + 1] == 0x2D {
                    closing = true
                    rest += 2
                }
                // Only transport padding may follow (RFC 2046); anything else is content.
                if bytes[rest..<contentEnd].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    if reused > 0 {
                        // The innermost multipart with this boundary: its delimiter, content here.
                        if closing {
                            reused -= 1
                        } else if declaresBoundary(
                            bytes, headerStart: next, limit: range.upperBound, boundary: boundary)
                        {
                            reused += 1
                        }
                        position = next
                        continue
                    }
                    if let start = partStart {
                        parts.append(
                            start..<Self.endBeforeLineBreak(
                                bytes, start: start, delimiterLine: position))
                    }
                    if closing { return (parts, true) }
                    partStart = next
                    if declaresBoundary(
                        bytes, headerStart: next, limit: range.upperBound, boundary: boundary)
                    {
                        reused = 1
                    }
                }
            }
            position = next
        }
        if let start = partStart { parts.append(start..<range.upperBound) }
        return (parts, false)
    }

    /// Whether the part whose header starts at `headerStart` is a multipart declaring
    /// `boundary` (its `Content-Type`, folded lines joined).
    ///
    /// - Complexity: O(h) in the header's length, at most ``maxHeaderBytes``.
    private static func declaresBoundary(
        _ bytes: [UInt8], headerStart: Int, limit: Int, boundary: String
    ) -> Bool {
        let end = min(limit, headerStart + maxHeaderBytes)
        var position = headerStart
        var field: [UInt8]?
        var found: [UInt8]?
        while position < end {
            let (contentEnd, next) = MIMEHeader.lineEnd(bytes, from: position, limit: end)
            let line = bytes[position..<contentEnd]
            if line.isEmpty { break }
            if line.first == 0x20 || line.first == 0x09 {
                field? += [0x20] + line
            } else {
                if let done = field, found == nil, isContentType(done) { found = done }
                field = Array(line)
            }
            position = next
        }
        if let done = field, found == nil, isContentType(done) { found = done }
        guard let found, let colon = found.firstIndex(of: 0x3A) else { return false }
        let value = ParameterValue(String(decoding: found[(colon + 1)...], as: UTF8.self))
        return value.value.hasPrefix("multipart/") && value["boundary"] == boundary
    }

    private static func isContentType(_ field: [UInt8]) -> Bool {
        let name = Array("content-type:".utf8)
        guard field.count > name.count else { return false }
        return zip(field.prefix(name.count), name).allSatisfy { a, b in
            (a >= 0x41 && a <= 0x5A ? a + 0x20 : a) == b
        }
    }

    /// The end of a part: the line break before the delimiter line belongs to the delimiter.
    private static func endBeforeLineBreak(_ bytes: [UInt8], start: Int, delimiterLine: Int) -> Int
    {
        var end = delimiterLine
        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }
}
