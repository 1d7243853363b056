import Foundation

extension MailMessage {
    /// Reads an RFC 5322 / MIME mail file (`.eml`).
    ///
    /// The body is chosen as mail programs show it: every `text/plain` part not marked
    /// `Content-Disposition: attachment`, named or not (Apple Mail and Outlook mark a text
    /// part `inline` with a file name; a `name` parameter alone does not make an attachment),
    /// in order, joined by a line break; else the first `text/html` part made plain
    /// (``HTMLText``). A named inline text part that is a data file (`.csv`, `.tsv`, `.json`)
    /// stays an attachment. Attachments are, in order, the parts with
    /// `Content-Disposition: attachment`, the other parts with a file name, and the non-text
    /// parts not marked inline; a `message/rfc822` part becomes a ``MailAttachment/Content/message(_:)``
    /// attachment, read the same way. `sent` is the `Date` header; `received` the date after
    /// the last `;` of the topmost (newest) `Received:` header. Everything read by guessing
    /// is said in ``notes``.
    ///
    /// - Throws: ``MIMEError`` when the bytes are not a mail or exceed a ``MIMEReader`` limit.
    /// - Complexity: O(n·d) for n bytes and d ≤ ``MIMEReader/maxNestingDepth`` levels.
    public static func eml(bytes: [UInt8]) throws(MIMEError) -> MailMessage {
        let root = try MIMEReader.read(bytes)
        return MailMessage(root: root)
    }

    /// The mail a part tree (a whole mail or a forwarded one) describes.
    init(root: MIMEPart) {
        self.init()
        var notes: [String] = []
        let header = root.header
        if let value = header["from"] {
            from = AddressList.parse(value, notes: &notes).first
            if from == nil { notes.append("line \(root.line): no address in From \"\(value)\"") }
        }
        to = header.all("to").flatMap { AddressList.parse($0.value, notes: &notes) }
        subject = EncodedWord.decode(Self.unfolded(header["subject"] ?? ""), notes: &notes)
        if let field = header.first("date") {
            let parsed = MailDate.parseWithZone(field.value)
            sent = parsed?.date
            sentZoneMinutes = parsed?.offsetMinutes
            if sent == nil {
                notes.append("line \(field.line): unreadable Date \"\(field.value)\"")
            }
        }
        if let field = header.first("received"), let semicolon = field.value.lastIndex(of: ";") {
            received = MailDate.parse(String(field.value[field.value.index(after: semicolon)...]))
            if received == nil { notes.append("line \(field.line): unreadable date in Received") }
        }
        var collector = Collector()
        collector.walk(root, inRelated: false)
        notes += collector.notes
        if !collector.plain.isEmpty {
            body = collector.plain.map { $0.text(notes: &notes) }.joined(separator: "\n")
        } else if let html = collector.html {
            body = HTMLText.plain(html.text(notes: &notes))
        }
        var unnamed = 0
        for part in collector.attachments {
            var name = part.filename(notes: &notes)
            let mediaType = part.mediaType
            if case .message(let inner) = part.content {
                let message = MailMessage(root: inner)
                if name == nil {
                    name =
                        (message.subject.isEmpty ? "forwarded message" : message.subject) + ".eml"
                }
                attachments.append(
                    MailAttachment(
                        name: name ?? "forwarded message.eml", mediaType: mediaType,
                        content: .message(message)))
                continue
            }
            if name == nil {
                unnamed += 1
                name = "attachment-\(unnamed)" + Self.extensionFor(mediaType)
                notes.append(
                    "line \(part.line): attachment without a name called \"\(name ?? "")\"")
            }
            attachments.append(
                MailAttachment(
                    name: name ?? "attachment", mediaType: mediaType,
                    content: .file(part.decodedBody)))
        }
        self.notes = notes
    }

    /// Unstructured header text: a folded line's break has already gone; tabs become spaces.
    private static func unfolded(_ text: String) -> String {
        String(decoding: text.utf8.map { $0 == 0x09 ? 0x20 : $0 }, as: UTF8.self)
    }

    private static func extensionFor(_ mediaType: String) -> String {
        switch mediaType {
        case "text/plain": return ".txt"
        case "text/csv": return ".csv"
        case "text/html": return ".html"
        case "application/json": return ".json"
        case "application/pdf": return ".pdf"
        case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": return ".xlsx"
        case "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
            return ".docx"
        case "application/vnd.oasis.opendocument.spreadsheet": return ".ods"
        case "application/vnd.oasis.opendocument.text": return ".odt"
        default: return ""
        }
    }
}

/// Walks a part tree once, choosing the body and collecting the attachments in order.
private struct Collector {
    var plain: [MIMEPart] = []
    var html: MIMEPart?
    var attachments: [MIMEPart] = []
    var notes: [String] = []

    mutating func walk(_ part: MIMEPart, inRelated: Bool) {
        notes += part.notes
        switch part.content {
        case .multipart(let children):
            let related = part.mediaType == "multipart/related"
            for child in children { walk(child, inRelated: related) }
        case .message:
            attachments.append(part)
        case .leaf:
            var ignored: [String] = []
            let name = part.filename(notes: &ignored)
            let disposition = part.disposition?.value
            let isText = part.mediaType.hasPrefix("text/")
            if disposition == "attachment" {
                attachments.append(part)
            } else if part.mediaType == "text/plain", !(name.map(Self.isDataFile) ?? false) {
                // Shown inline by mail programs, so read as the body, named or not.
                plain.append(part)
            } else if name != nil {
                attachments.append(part)
            } else if part.mediaType == "text/html" {
                if html == nil { html = part }
            } else if !isText && disposition != "inline" && !inRelated
                && !part.mediaType.hasPrefix("image/")
            {
                // An unnamed file (`application/…`) that no mailer would show inline: kept,
                // since losing it could lose an answer.
                attachments.append(part)
            }
        }
    }

    /// Whether a text part's name is a data file, an answer to read as such, not a body.
    static func isDataFile(_ name: String) -> Bool {
        ["csv", "tsv", "tab", "json"].contains((name as NSString).pathExtension.lowercased())
    }
}
