public import Foundation

/// A mail as the intake needs it, whichever container it arrived in (`.eml` or Outlook `.msg`).
///
/// Delegations answer by e-mail; the officer's inbox holds RFC 5322 files and Outlook's
/// Compound Files. Both readers produce this one value, so deciding the received time, the
/// delegation (the sender in the contacts file) and which attachments are answers is written
/// once, above the containers (`DESIGN-intake.md`).
public struct MailMessage: Sendable, Hashable {
    /// The sender (`From`, or Outlook's sender properties).
    public var from: MailAddress?
    /// The primary recipients.
    public var to: [MailAddress]
    /// The subject, decoded (RFC 2047 words, Outlook's string properties).
    public var subject: String
    /// When the mail was sent: the `Date` header, or Outlook's client submit time.
    public var sent: Date?
    /// The zone the `Date` header was written in, minutes east of UTC; `nil` where the mail
    /// records none (an Outlook message keeps UTC times).
    ///
    /// A forward quotes the forwarded message's date in the forwarding client's local time,
    /// often without a zone; it is read in this one (``QuotedForward``).
    public var sentZoneMinutes: Int?
    /// When it was delivered, where the file records it (Outlook's delivery time, the
    /// newest `Received:` header of an `.eml`); `nil` otherwise.
    public var received: Date?
    /// The text body (the plain-text part, else the HTML part made plain).
    public var body: String
    /// Attachments in the order the mail lists them; forwarded messages included.
    public var attachments: [MailAttachment]
    /// What the reader noticed and decided (an unknown charset read as Latin-1, a part cut at a
    /// limit); shown to the officer as warnings.
    public var notes: [String]

    /// Creates a mail value.
    public init(
        from: MailAddress? = nil, to: [MailAddress] = [], subject: String = "", sent: Date? = nil,
        received: Date? = nil, body: String = "", attachments: [MailAttachment] = [],
        notes: [String] = []
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.sent = sent
        self.received = received
        self.body = body
        self.attachments = attachments
        self.notes = notes
    }
}

/// A mailbox: the address matched against the contacts file, and the name shown.
public struct MailAddress: Sendable, Hashable {
    /// The display name, if the header or property has one.
    public var name: String?
    /// The address (`local@domain`), as written.
    public var address: String

    /// Creates a mailbox.
    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    /// The mailbox as a receipt names it: the address, else the quoted name (an Exchange
    /// sender, or a forward quoting only a name).
    var shown: String {
        address.isEmpty ? "\"\(name ?? "")\"" : address
    }
}

/// One attachment of a mail: a file, or a message forwarded as an attachment.
public struct MailAttachment: Sendable, Hashable {
    /// What an attachment holds.
    public enum Content: Sendable, Hashable {
        /// A file's bytes, decoded from its transfer encoding.
        case file([UInt8])
        /// An embedded message (`message/rfc822`, or Outlook's embedded `.msg`).
        indirect case message(MailMessage)
    }

    /// The file name (RFC 2231 / RFC 2047 decoded, or Outlook's long file name).
    public var name: String
    /// The declared media type (`application/vnd.openxmlformats-…`), lower-cased, if any.
    public var mediaType: String?
    /// The content.
    public var content: Content

    /// Creates an attachment.
    public init(name: String, mediaType: String? = nil, content: Content) {
        self.name = name
        self.mediaType = mediaType
        self.content = content
    }
}
