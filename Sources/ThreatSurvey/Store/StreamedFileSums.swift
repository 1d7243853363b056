public import Foundation

/// The sums of one file stored by the streaming path, with what decides whether they may be
/// added to others: when it was received and which respondents it holds.
public struct StreamedFileSums: Sendable {
    /// When the file was received (all its submissions share this time).
    public var received: Date
    /// The respondents' id prefix (`R`).
    public var respondentPrefix: String
    /// The respondents' numbers.
    public var respondents: ClosedRange<Int>
    /// The file's per-state sums.
    public var aggregate: MentionAggregate
}
