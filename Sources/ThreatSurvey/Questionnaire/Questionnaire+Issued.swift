public import Foundation

extension Questionnaire {
    /// The warning for a received time before this questionnaire was issued, or `nil`.
    ///
    /// No answer can precede its question; such a time is nearly always a date typed in
    /// the wrong order or year, which would otherwise pass as "on time" without a word
    /// (CONTRACT.md, "Dates as typed").
    ///
    /// - Parameter received: the instant the answer counts as received.
    /// - Returns: the warning's sentence, or `nil` when the time is on or after the issue day
    ///   (its start in the questionnaire's time zone).
    public func beforeIssueWarning(_ received: Date) -> String? {
        guard received < issued.start(in: timeZone) else { return nil }
        return "received \(Timestamp.iso(received, in: timeZone)) is before \(id) was issued "
            + "(\(issued)); check the received time (dates are day first: 10.03.2016 is 10 March)"
    }
}
