/// One piece of a mail that is read as an answer: an attachment, a forwarded message's
/// attachment, or the body when nothing else is.
package struct MailPart: Sendable, Hashable {
    /// The part's name inside the mail (`pl-answers.csv`, `fwd.eml » answers.csv`, `body`).
    public var name: String
    /// The part's bytes (an attachment decoded from its transfer encoding; a body as UTF-8,
    /// cut at its signature or quote).
    public var bytes: [UInt8]
    /// Whether this is a message body, read as prose whatever it looks like.
    public var isBody: Bool
    /// The senders to look up in the contacts file, the nearest first (a forwarded
    /// message's own sender before the sender of the mail that forwarded it).
    public var senders: [MailAddress]
    /// What the officer should know about how the part was taken (a body cut at a quote).
    public var notes: [String]
    /// The messages the part was forwarded inside, outermost first (empty for a part of the
    /// mail itself): they decide when it counts as received (`ReceivedTime`).
    public var forwards: [ForwardedMessage]

    /// Creates a part.
    public init(
        name: String, bytes: [UInt8], isBody: Bool, senders: [MailAddress], notes: [String] = [],
        forwards: [ForwardedMessage] = []
    ) {
        self.forwards = forwards
        self.name = name
        self.bytes = bytes
        self.isBody = isBody
        self.senders = senders
        self.notes = notes
    }
}
