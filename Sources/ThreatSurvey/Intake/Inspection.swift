/// What the tool reads from a file before interpreting it as an answer.
///
/// An officer puzzled by a refusal or a strange receipt needs to see what the tool saw: the
/// cells of every sheet, a document's paragraphs (list numbers kept) and tables, a mail's
/// sender, dates, body and attachments, a CSV file's dialect and records. `inspect` shows this
/// value; it is also the outside check of the readers against openpyxl, python-docx,
/// extract-msg and Python's csv module. Formats are told by content first (zip, Compound File,
/// PDF signatures), then by name.
public struct Inspection: Sendable {
    /// What a file is, in the contract's words (`spreadsheet`, `document`, `mail`, `csv`,
    /// `json`, `text`); `other` for an attachment the tool does not read (a PDF, an image).
    public enum Kind: String, Sendable, Hashable {
        case spreadsheet, document, mail, csv, json, text, other
    }

    /// One attachment of a mail, described.
    public struct Attachment: Sendable, Hashable {
        /// The file name as the mail gives it.
        public var name: String
        /// Size in bytes (of the embedded message's own bytes where the container keeps them, else `nil`).
        public var bytes: Int?
        /// SHA-256 of the bytes, lower-case hex (`nil` for an embedded message).
        public var sha256: String?
        /// What `inspect` would call the attachment.
        public var kind: Kind
        /// For an attached message (kind `mail`): its sender, subject and date, which decide
        /// when a forwarded answer counts as received (`ReceivedTime`); `nil` otherwise.
        public var message: ForwardedMessage? = nil
    }

    /// What was read, per kind.
    public enum Content: Sendable {
        case spreadsheet(Workbook)
        case document(WordDocument)
        case mail(MailMessage, attachments: [Attachment])
        case csv(encoding: TextEncoding, delimiter: String, records: [[String]])
        case json(encoding: TextEncoding)
        case text(encoding: TextEncoding, text: String)
    }

    /// The file, as named on the command line.
    public var file: String
    /// What was read.
    public var content: Content

    /// The kind of ``content``.
    public var kind: Kind {
        switch content {
        case .spreadsheet: return .spreadsheet
        case .document: return .document
        case .mail: return .mail
        case .csv: return .csv
        case .json: return .json
        case .text: return .text
        }
    }

    /// Reads `bytes` (the file `name`) as what it is.
    ///
    /// - Throws: ``SurveyError/invalidData(_:)`` naming the file when it cannot be read, with the
    ///   same refusals as ``AnswerFile/read(bytes:name:format:)`` (legacy Office, PDF, archives).
    /// - Complexity: O(n) in the size of the file (inflated, for containers).
    public static func inspect(bytes: [UInt8], name: String) throws(SurveyError) -> Inspection {
        switch classify(bytes: bytes, name: name) {
        case .spreadsheet:
            do {
                return Inspection(
                    file: name, content: .spreadsheet(try Workbook.read(bytes: bytes)))
            } catch {
                if case .encrypted = error {
                    throw AnswerFile.refusal(
                        name,
                        "this workbook is password-protected; ask the delegation to send the workbook without a password"
                    )
                }
                throw .invalidData([error.diagnostic(file: name)])
            }
        case .document:
            do {
                return Inspection(
                    file: name, content: .document(try WordDocument.read(bytes: bytes)))
            } catch {
                throw .invalidData([error.diagnostic(file: name)])
            }
        case .mail:
            let message: MailMessage
            if bytes.starts(with: CompoundFile.signature) {
                do { message = try MailMessage.msg(bytes: bytes) } catch {
                    throw AnswerFile.refusal(name, "this Outlook message cannot be read: \(error)")
                }
            } else {
                do { message = try MailMessage.eml(bytes: bytes) } catch {
                    throw .invalidData([error.diagnostic(file: name)])
                }
            }
            return Inspection(
                file: name, content: .mail(message, attachments: describe(message.attachments)))
        case .csv:
            let text = try decode(bytes, name: name)
            let dialect = CSVDialect.detect(text.utf8)
            var budget = ReadingBudget(fileSize: bytes.count)
            let result: (records: [CSVRecord], problems: [CSVReader.Problem])
            do {
                result = try CSVReader.records(
                    in: text.utf8, delimiter: dialect.delimiter, budget: &budget)
            } catch {
                throw .invalidData([Diagnostic(limit: error, file: name)])
            }
            return Inspection(
                file: name,
                content: .csv(
                    encoding: text.encoding, delimiter: dialect.delimiterName,
                    records: result.records.map(\.fields)))
        case .json:
            return Inspection(
                file: name, content: .json(encoding: try decode(bytes, name: name).encoding))
        case .text:
            let text = try decode(bytes, name: name)
            return Inspection(
                file: name,
                content: .text(
                    encoding: text.encoding, text: String(decoding: text.utf8, as: UTF8.self)))
        case .other:
            // Containers the tool refuses: the answer reader's refusal says what to ask for.
            _ = try AnswerFile.read(bytes: bytes, name: name)
            throw AnswerFile.refusal(name, "this file is of a kind the tool does not read")
        }
    }

    private static func decode(_ bytes: [UInt8], name: String) throws(SurveyError) -> DecodedText {
        do { return try TextDecoder.decode(bytes) } catch {
            throw AnswerFile.refusal(name, "not a text file; send CSV, JSON or plain text")
        }
    }

    /// What a file is, from its first bytes, then its name: never reads it fully.
    ///
    /// - Complexity: O(n) at worst (a zip's directory, a text's first line).
    public static func classify(bytes: [UInt8], name: String) -> Kind {
        if bytes.starts(with: AnswerFile.zipSignature) {
            guard let archive = try? ZipArchive(bytes: bytes) else { return .other }
            switch AnswerFile.content(of: archive) {
            case .xlsx, .ods: return .spreadsheet
            case .docx, .odt: return .document
            case .other: return .other
            }
        }
        if bytes.starts(with: CompoundFile.signature) {
            return (try? CompoundFile(bytes: bytes).kind) == .outlookMessage ? .mail : .other
        }
        if bytes.starts(with: AnswerFile.pdfSignature) { return .other }
        guard let text = try? TextDecoder.decode(bytes) else { return .other }
        let ext =
            name.contains(".")
            ? (name.split(separator: ".").last.map { $0.lowercased() } ?? "") : ""
        switch ext {
        case "eml": return .mail
        case "json": return .json
        case "csv", "tsv", "tab": return .csv
        case "xlsx", "xls", "ods", "docx", "doc", "odt", "pdf", "msg", "zip": return .other
        default: break
        }
        let firstLine = String(
            decoding: text.utf8.prefix { $0 != 0x0A && $0 != 0x0D }.prefix(200), as: UTF8.self)
        if looksLikeMailHeader(firstLine) { return .mail }
        let first = text.utf8.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return .json }
        if ext == "txt" || ext == "text" || ext == "md" {
            return firstLine.contains("\t") ? .csv : .text
        }
        let dialect = CSVDialect.detect(Array(firstLine.utf8))
        return firstLine.utf8.contains(dialect.delimiter) ? .csv : .text
    }

    /// Headers a saved mail starts with.
    static let mailHeaders: Set<String> = [
        "received", "return-path", "from", "mime-version", "message-id", "date", "delivered-to",
        "to", "subject",
    ]

    private static func looksLikeMailHeader(_ line: String) -> Bool {
        guard let colon = line.firstIndex(of: ":") else { return false }
        let field = line[..<colon].lowercased()
        return mailHeaders.contains(field) || (field.hasPrefix("x-") && !field.contains(" "))
    }

    /// Each attachment's name, size, digest and kind (embedded messages: kind `mail`).
    static func describe(_ attachments: [MailAttachment]) -> [Attachment] {
        attachments.map { attachment in
            switch attachment.content {
            case .file(let bytes):
                let kind = classify(bytes: bytes, name: attachment.name)
                // An attached .eml or .msg file: read as the intake reads it.
                let inner =
                    kind == .mail
                    ? (bytes.starts(with: CompoundFile.signature)
                        ? try? MailMessage.msg(bytes: bytes) : try? MailMessage.eml(bytes: bytes))
                    : nil
                return Attachment(
                    name: attachment.name, bytes: bytes.count, sha256: SHA256.hex(of: bytes),
                    kind: kind, message: inner.map(ForwardedMessage.init(attached:)))
            case .message(let inner):
                return Attachment(
                    name: attachment.name, bytes: nil, sha256: nil, kind: .mail,
                    message: ForwardedMessage(attached: inner))
            }
        }
    }
}
