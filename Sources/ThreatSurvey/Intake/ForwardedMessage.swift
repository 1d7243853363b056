public import Foundation

/// A message an answer was forwarded inside: attached (`message/rfc822`, Outlook's embedded
/// message) or quoted in the forward's body (``QuotedForward``).
///
/// The contract counts an answer forwarded by someone who is not a delegation at the
/// forwarded message's Date, not the forward's ("Intake rules added", Forwarded answers), so
/// every part keeps the chain of messages it sits in, outermost first (`MailPart/forwards`),
/// for `ReceivedTime/decide(mail:isOutlook:forwards:isDelegation:)`.
public struct ForwardedMessage: Sendable, Hashable {
    /// How the message travels inside the one that forwarded it.
    public enum Carriage: String, Sendable, Hashable {
        /// As an attachment (`message/rfc822`, an attached `.eml`/`.msg`, an embedded message).
        case attached
        /// Quoted in the forward's body, under a forward line and a header block.
        case quoted
    }

    /// The forwarded message's sender, if it names one.
    public var from: MailAddress?
    /// When it was sent: its `Date` (or Outlook's submit time, or the quoted date).
    public var sent: Date?
    /// Its subject.
    public var subject: String
    /// How it was forwarded.
    public var carriage: Carriage

    /// Creates the record of one forwarded message.
    public init(from: MailAddress?, sent: Date?, subject: String, carriage: Carriage) {
        self.from = from
        self.sent = sent
        self.subject = subject
        self.carriage = carriage
    }

    /// An attached message's record.
    init(attached message: MailMessage) {
        self.init(
            from: message.from, sent: message.sent ?? message.received, subject: message.subject,
            carriage: .attached)
    }
}
