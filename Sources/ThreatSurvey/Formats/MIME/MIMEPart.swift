import Foundation

/// One entity of a mail: its header, its raw body, and, for a multipart or a forwarded
/// message, what it contains.
///
/// ``MIMEReader`` builds the tree; the mail reader (`MailMessage.eml(bytes:)`) walks it to
/// choose the body and the attachments. The body stays transfer-encoded until asked for
/// (``decodedBody``), so parts nobody needs are never decoded.
public struct MIMEPart: Sendable, Hashable {
    /// What a part holds.
    public indirect enum Content: Sendable, Hashable {
        /// A leaf: text, a file.
        case leaf
        /// `multipart/*`: the parts between the boundaries, in order.
        case multipart([MIMEPart])
        /// `message/rfc822`: the forwarded message, itself a part tree.
        case message(MIMEPart)
    }

    /// The header fields.
    public var header: MIMEHeader
    /// The parsed `Content-Type` (`text/plain` when missing, as RFC 2045 says;
    /// `message/rfc822` inside `multipart/digest`).
    public var contentType: ParameterValue
    /// The body as it is in the file, still transfer-encoded.
    public var body: ArraySlice<UInt8>
    /// The children, for multiparts and messages.
    public var content: Content
    /// The 1-based line the part's header starts on (in the decoded bytes, for a
    /// base64-encoded forwarded message).
    public var line: Int
    /// What the reader noticed while reading this part (not its children).
    public var notes: [String]

    /// The media type, lower case (`text/plain`).
    public var mediaType: String { contentType.value }

    /// The parsed `Content-Disposition`, if present.
    public var disposition: ParameterValue? {
        header["content-disposition"].map(ParameterValue.init)
    }

    /// The transfer encoding, lower case (`7bit` when missing).
    public var transferEncoding: String {
        (header["content-transfer-encoding"] ?? "7bit").trimmingASCIIWhitespace
            .lowercased()
    }

    /// The body decoded from its transfer encoding (base64, quoted-printable; others as is).
    ///
    /// - Complexity: O(n).
    public var decodedBody: [UInt8] {
        switch transferEncoding {
        case "base64": return Base64.decode(body)
        case "quoted-printable": return QuotedPrintable.decode(body)
        default: return Array(body)
        }
    }

    /// The file name: `Content-Disposition` `filename` (RFC 2231, or RFC 2047 words as
    /// Outlook writes them), else `Content-Type` `name`; `nil` when neither is present.
    public func filename(notes: inout [String]) -> String? {
        let raw = disposition?["filename"] ?? contentType["name"]
        guard let raw else { return nil }
        let name = EncodedWord.decode(raw, notes: &notes).trimmingASCIIWhitespace
        return name.isEmpty ? nil : name
    }

    /// The body decoded to text in its declared charset, line ends made LF.
    ///
    /// - Complexity: O(n).
    public func text(notes: inout [String]) -> String {
        let decoded = MIMECharset.decode(decodedBody, charset: contentType["charset"])
        if let note = decoded.note { notes.append("line \(line): \(note)") }
        return Self.lineFeeds(decoded.text)
    }

    /// `text` with CR LF made LF, on UTF-8 bytes (Foundation's replacing is far slower).
    ///
    /// - Complexity: O(n).
    static func lineFeeds(_ text: String) -> String {
        var bytes = Array(text.utf8)
        var write = 0
        for read in bytes.indices {
            if bytes[read] == 0x0D, read + 1 < bytes.count, bytes[read + 1] == 0x0A { continue }
            bytes[write] = bytes[read]
            write += 1
        }
        bytes.removeSubrange(write...)
        return String(decoding: bytes, as: UTF8.self)
    }
}
