public import Foundation

/// The sums of one file stored by the streaming path, with what decides whether they may be
/// added to others: when it was received and which respondents it holds.
public struct StreamedFileSums: Sendable {
    /// The stored file's number (its submissions' `file_id`).
    public var fileID: Int64
    /// When the file was received (all its submissions share this time).
    public var received: Date
    /// The respondents' id prefix (`R`).
    public var respondentPrefix: String
    /// The respondents' numbers.
    public var respondents: ClosedRange<Int>
    /// The file's threat ids, comma-separated, in the order its packed mentions and sums
    /// number them (the questionnaire's when the file was stored).
    public var threatList: String
    /// The file's per-state sums.
    public var aggregate: MentionAggregate
    /// The name it was stored under (provenance names the file).
    public var name: String
    /// SHA-256 of the file, lowercase hex.
    public var checksum: String
    /// The numbers of its submissions, one per respondent.
    public var submissions: ClosedRange<Int64>
    /// Data rows read.
    public var rows: Int
}
