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
    /// Whether a forwarded message's Date decided it, so that the receipt's received line
    /// says so beside the time (a forward sent after the deadline shows why it is on time).
    public var isForwarded = false

    /// Creates a decision.
    public init(date: Date, reason: String) {
        self.date = date
        self.reason = reason
    }

    /// When a part of a mail counts as received: the mail's own time (``fromMail(_:isOutlook:)``),
    /// or, for an answer forwarded by someone who is not a delegation, the forwarded
    /// message's Date (CONTRACT.md, "Intake rules added", Forwarded answers).
    ///
    /// The chain is walked from the mail inwards: while the one who forwarded is not a
    /// delegation address (`isDelegation`, the contacts file) and did not forward their own
    /// mail (the same address), the next message's Date decides. A delegation forwarding its
    /// own earlier mail is judged by the forward, and the reason says why the walk stopped.
    ///
    /// - Parameters:
    ///   - mail: the mail as given to `submit`.
    ///   - isOutlook: whether it came as an Outlook `.msg`.
    ///   - forwards: the messages the part sits in, outermost first (`MailPart/forwards`).
    ///   - isDelegation: whether an address is a delegation's (listed in `--contacts`).
    /// - Returns: the decision, or `nil` when neither the mail nor a forwarded message that
    ///   decides has a time.
    /// - Complexity: O(f) in the number of forwards.
    public static func decide(
        mail: MailMessage, isOutlook: Bool, forwards: [ForwardedMessage],
        isDelegation: (MailAddress) -> Bool
    ) -> ReceivedTime? {
        var decided = fromMail(mail, isOutlook: isOutlook)
        var forwarder = mail.from
        var forwardedOn = mail.sent ?? mail.received
        for message in forwards {
            let by = forwarder.map(\.shown) ?? "an unknown sender"
            if let forwarder, isDelegation(forwarder) {
                decided?.reason +=
                    "; forwarded by \(by), a delegation address in the contacts: judged by the forward"
                break
            }
            if let forwarder, let sender = message.from, !forwarder.address.isEmpty,
                forwarder.address.lowercased() == sender.address.lowercased()
            {
                decided?.reason += "; \(by) forwarded their own mail: judged by the forward"
                break
            }
            guard let sent = message.sent else {
                decided?.reason +=
                    "; the forwarded message has no readable date: judged by the forward"
                break
            }
            let on = forwardedOn.map { " on " + Timestamp.iso($0, in: Timestamp.utc) } ?? ""
            decided = ReceivedTime(
                date: sent,
                reason: "the forwarded message's Date; forwarded by \(by)\(on)")
            decided?.isForwarded = true
            forwarder = message.from
            forwardedOn = sent
        }
        return decided
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
