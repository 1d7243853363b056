import Foundation

/// A mail given to `submit` (`.eml` or Outlook `.msg`), taken apart into the parts that are
/// answers, the parts that are not, and the time it arrived.
///
/// Every attachment that is an answer file is an answer, each with its own receipt; a
/// forwarded message (or an attached `.eml`/`.msg`) is read the same way, recursively; with
/// no answer anywhere, the mail's body is the answer, read as prose (cut at its signature or
/// quoted reply, ``ReplyCut``). Images, signatures, vCards and Outlook's `winmail.dat` are
/// never answers: they are listed as skipped.
package struct MailIntake: Sendable {
    /// The mail's name as given (used in every diagnostic: `mail.eml » answers.csv`).
    public var name: String
    /// The mail as read.
    public var mail: MailMessage
    /// Whether it came as an Outlook `.msg`.
    public var isOutlook: Bool
    /// The parts read as answers, in the mail's order.
    public var parts: [MailPart]
    /// The attachments that are not answers, with what each is.
    public var skipped: [Skipped]
    /// The delegations' addresses, lower case (``open(bytes:name:delegationAddresses:)``).
    public var delegationAddresses: Set<String> = []

    /// An attachment that is not an answer, listed in the receipt.
    public struct Skipped: Sendable, Hashable {
        /// Its name inside the mail (`logo.png`, `fwd.eml » smime.p7s`).
        public var name: String
        /// What it is (`an image`, `a signature`).
        public var what: String
    }

    /// Deepest chain of messages inside messages followed (a mail forwarding a mail …).
    ///
    /// Deeper ones are listed as skipped. Guards against a crafted mail nesting itself.
    public static let maximumNesting = 8
    /// Whether the file is a mail (``AnswerFile/looksLikeMail(name:bytes:)``).
    public static func isMail(name: String, bytes: [UInt8]) -> Bool {
        AnswerFile.looksLikeMail(name: name, bytes: bytes)
    }

    /// Reads a mail and takes it apart.
    ///
    /// - Parameters:
    ///   - bytes: the mail as received.
    ///   - name: its name, as diagnostics give it.
    ///   - delegationAddresses: the delegations' addresses (`--contacts`, lower case): a
    ///     delegation forwarding someone else's mail inline (the secretariat's invitation)
    ///     wrote its answer above the forward, not in it.
    /// - Returns: the mail's answer parts and skipped attachments.
    /// - Throws: ``SurveyError/invalidData(_:)`` naming the mail when it cannot be read.
    /// - Complexity: O(n) in the mail's size (each attached mail is read once, at most
    ///   ``maximumNesting`` deep).
    public static func open(
        bytes: [UInt8], name: String, delegationAddresses: Set<String> = []
    ) throws(SurveyError) -> MailIntake {
        var budget = ReadingBudget(fileSize: bytes.count)
        return try open(
            bytes: bytes, name: name, delegationAddresses: delegationAddresses, budget: &budget)
    }

    /// Reads a mail and takes it apart, charging every decoded attachment and body to
    /// `budget`, which its answer files then share: a mail of a thousand attachments, or
    /// of attachments that each multiply their text, cannot build more than one file may.
    ///
    /// - Throws: ``SurveyError/invalidData(_:)`` naming the mail when it cannot be read or
    ///   its parts pass the budget.
    /// - Complexity: O(n) in the mail's size (each attached mail is read once, at most
    ///   ``maximumNesting`` deep).
    public static func open(
        bytes: [UInt8], name: String, delegationAddresses: Set<String> = [],
        budget: inout ReadingBudget
    ) throws(SurveyError) -> MailIntake {
        let (mail, isOutlook) = try read(bytes: bytes, name: name)
        var intake = MailIntake(
            name: name, mail: mail, isOutlook: isOutlook, parts: [], skipped: [])
        intake.delegationAddresses = delegationAddresses
        do {
            try intake.collect(
                mail, prefix: "", senders: [], forwards: [], depth: 0, budget: &budget)
            if intake.parts.isEmpty {
                try intake.body(
                    of: mail, prefix: "", senders: [], forwards: [], depth: 0,
                    note: "no answer attachment: the mail's body is the answer, read as prose",
                    budget: &budget)
            }
        } catch {
            throw .invalidData([Diagnostic(limit: error, file: name)])
        }
        return intake
    }

    private static func read(bytes: [UInt8], name: String) throws(SurveyError) -> (
        MailMessage, Bool
    ) {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            do {
                return (try MailMessage.msg(bytes: bytes), true)
            } catch {
                throw .invalidData([Diagnostic(file: name, message: error.description)])
            }
        }
        do {
            return (try MailMessage.eml(bytes: bytes), false)
        } catch {
            throw .invalidData([
                Diagnostic(file: name, message: "cannot read the mail: \(error.description)")
            ])
        }
    }

    private mutating func collect(
        _ message: MailMessage, prefix: String, senders: [MailAddress],
        forwards: [ForwardedMessage], depth: Int, budget: inout ReadingBudget
    ) throws(ReadingBudget.Exceeded) {
        let senders = (message.from.map { [$0] } ?? []) + senders
        for attachment in message.attachments {
            let label = Self.safeName(attachment.name, fallback: "attachment")
            switch attachment.content {
            case .message(let inner):
                // A forwarded message is named after its subject ("FW: 9396/1/15"): keep it whole.
                let innerName = Self.safeName(
                    attachment.name.replacingOccurrences(of: "/", with: "-"),
                    fallback: "forwarded message")
                guard depth + 1 < Self.maximumNesting else {
                    skipped.append(
                        Skipped(
                            name: prefix + innerName,
                            what: "a message nested more than \(Self.maximumNesting) deep"))
                    continue
                }
                try collectForwarded(
                    inner, prefix: prefix + innerName + " » ", senders: senders,
                    forwards: forwards + [ForwardedMessage(attached: inner)], depth: depth + 1,
                    budget: &budget)
            case .file(let bytes):
                try budget.charge(text: bytes.count)
                switch Self.classify(name: label, mediaType: attachment.mediaType, bytes: bytes) {
                case .answer:
                    parts.append(
                        MailPart(
                            name: prefix + label, bytes: bytes, isBody: false, senders: senders,
                            forwards: forwards))
                case .mail:
                    guard depth + 1 < Self.maximumNesting,
                        let (inner, _) = try? Self.read(bytes: bytes, name: label)
                    else {
                        skipped.append(
                            Skipped(
                                name: prefix + label,
                                what: "a mail that cannot be read, or nested too deep"))
                        continue
                    }
                    try collectForwarded(
                        inner, prefix: prefix + label + " » ", senders: senders,
                        forwards: forwards + [ForwardedMessage(attached: inner)], depth: depth + 1,
                        budget: &budget)
                case .skip(let what):
                    skipped.append(Skipped(name: prefix + label, what: what))
                }
            }
        }
    }

    /// A forwarded message: its answer attachments, else its body.
    private mutating func collectForwarded(
        _ inner: MailMessage, prefix: String, senders: [MailAddress],
        forwards: [ForwardedMessage], depth: Int, budget: inout ReadingBudget
    ) throws(ReadingBudget.Exceeded) {
        let before = parts.count
        try collect(
            inner, prefix: prefix, senders: senders, forwards: forwards, depth: depth,
            budget: &budget)
        guard parts.count == before else { return }
        try body(
            of: inner, prefix: prefix, senders: senders, forwards: forwards, depth: depth,
            note:
                "forwarded message without an answer attachment: its body is the answer, read as prose",
            budget: &budget)
    }

    /// A message's body as the answer: the forwarded message it quotes (``QuotedForward``),
    /// else the body itself, cut at its signature or quoted reply (``ReplyCut``); its text is
    /// charged to `budget` like an attachment's.
    private mutating func body(
        of message: MailMessage, prefix: String, senders: [MailAddress],
        forwards: [ForwardedMessage], depth: Int, note: String, budget: inout ReadingBudget
    ) throws(ReadingBudget.Exceeded) {
        let senders = (message.from.map { [$0] } ?? []) + senders
        if depth + 1 < Self.maximumNesting,
            let quoted = QuotedForward.find(
                in: message.body, subject: message.subject, zoneMinutes: message.sentZoneMinutes),
            !forwardsOthersMail(message.from, quoted: quoted.from)
        {
            let inner = MailMessage(
                from: quoted.from, subject: quoted.subject, sent: quoted.sent, body: quoted.text)
            let forward = ForwardedMessage(
                from: quoted.from, sent: quoted.sent, subject: quoted.subject, carriage: .quoted)
            try body(
                of: inner, prefix: prefix + "body » ", senders: senders,
                forwards: forwards + [forward], depth: depth + 1,
                note: "the body quotes a forwarded message from line \(quoted.line) "
                    + "(\(quoted.from.map(\.shown) ?? "no sender named")): its text is the "
                    + "answer, read as prose; the note above it is not read"
                    + quoted.notes.map { "; " + $0 }.joined(),
                budget: &budget)
            return
        }
        try budget.charge(text: message.body.utf8.count)
        let cut = ReplyCut.cut(message.body)
        var notes = [note]
        if let line = cut.line, let marker = cut.marker {
            notes.append(
                "body cut at line \(line) (\"\(marker)\"): what follows is a signature or a quoted mail"
            )
        }
        parts.append(
            MailPart(
                name: prefix + (forwards.last?.carriage == .quoted ? "forwarded message" : "body"),
                bytes: Array(cut.text.utf8), isBody: true, senders: senders, notes: notes,
                forwards: forwards))
    }

    /// Whether a delegation forwards a mail that is neither its own nor a delegation's (the
    /// secretariat's invitation): its answer is then its own text, above the forward.
    private func forwardsOthersMail(_ forwarder: MailAddress?, quoted: MailAddress?) -> Bool {
        guard let forwarder, delegationAddresses.contains(forwarder.address.lowercased()) else {
            return false
        }
        let sender = quoted?.address.lowercased() ?? ""
        return sender != forwarder.address.lowercased() && !delegationAddresses.contains(sender)
    }

    /// An attachment's name as one path component (no folders, no control characters).
    static func safeName(_ name: String, fallback: String) -> String {
        let last =
            name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(
            last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init)
        )
        .trimmingCharacters(in: .whitespaces)
        return clean.isEmpty ? fallback : clean
    }

    enum Verdict: Equatable {
        case answer, mail
        case skip(String)
    }

    /// File extensions read as answers (the Office formats and the refused ones go to
    /// `AnswerFile.read`, which reads or refuses them with what to ask for).
    static let answerExtensions: Set<String> = [
        "csv", "tsv", "tab", "txt", "text", "md", "json", "xlsx", "ods", "docx", "odt", "xls",
        "doc", "pdf",
    ]
    /// File extensions that are never answers, with what they are.
    static let otherExtensions: [String: String] = {
        var table: [String: String] = [:]
        for ext in [
            "png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "svg", "webp", "heic", "emf", "wmf",
        ] {
            table[ext] = "an image"
        }
        for ext in ["p7s", "p7m", "p7c", "sig", "asc", "pgp"] { table[ext] = "a signature" }
        table["vcf"] = "a contact card (vCard)"
        table["ics"] = "a calendar invitation"
        table["htm"] = "a web page"
        table["html"] = "a web page"
        return table
    }()

    static func classify(name: String, mediaType: String?, bytes: [UInt8]) -> Verdict {
        let ext = (name as NSString).pathExtension.lowercased()
        let type = mediaType?.lowercased() ?? ""
        if name.lowercased() == "winmail.dat" || type == "application/ms-tnef" {
            return .skip("Outlook's winmail.dat (formatting, not an answer)")
        }
        if ext == "eml" || ext == "msg" || type == "message/rfc822" { return .mail }
        if answerExtensions.contains(ext) { return .answer }
        if let what = otherExtensions[ext] { return .skip(what) }
        if type.hasPrefix("image/") { return .skip("an image") }
        if type.contains("signature") || type.contains("pkcs7") { return .skip("a signature") }
        if type.contains("vcard") { return .skip("a contact card (vCard)") }
        if ext.isEmpty, ["text/csv", "application/json", "text/plain"].contains(type) {
            return .answer
        }
        if isMail(name: name, bytes: bytes) { return .mail }
        return .skip(
            "not a format answers come in (\(ext.isEmpty ? (type.isEmpty ? "no extension" : type) : "." + ext))"
        )
    }
}
