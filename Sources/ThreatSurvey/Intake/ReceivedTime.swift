package import Foundation

/// When a mail's answer counts as received, and why: decided once, at intake.
///
/// The deadline is judged on this time, so the receipt always says where it came from:
/// `--received` when the officer gives it, else the delivery time the file records, else the
/// time the sender's client wrote in the mail.
package struct ReceivedTime: Sendable, Hashable {
    /// The instant.
    public var date: Date
    /// Where it came from, as the receipt says it.
    public var reason: String

    /// Creates a decision.
    public init(date: Date, reason: String) {
        self.date = date
        self.reason = reason
    }

    /// The mail's own received time: its delivery time, else its `Date` (or Outlook's submit
    /// time); `nil` when it has neither.
    ///
    /// - Parameters:
    ///   - mail: the mail read.
    ///   - isOutlook: whether the mail came as an Outlook `.msg` (the reasons differ).
    /// - Returns: the received time and its reason, or `nil` when the mail has none.
    public static func fromMail(_ mail: MailMessage, isOutlook: Bool) -> ReceivedTime? {
        if let delivered = mail.received {
            return ReceivedTime(
                date: delivered,
                reason: isOutlook
                    ? "delivery time recorded by Outlook"
                    : "delivery time from the mail's newest Received: header")
        }
        if let sent = mail.sent {
            return ReceivedTime(
                date: sent,
                reason: isOutlook
                    ? "the time Outlook sent it (no delivery time recorded)"
                    : "from the mail's Date header")
        }
        return nil
    }
}
