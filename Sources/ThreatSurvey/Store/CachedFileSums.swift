package import Foundation

/// The cached sums of one file stored by the streaming path, with what decides whether they
/// may be added to others: when it was received and which respondents it holds.
///
/// Part of the counted-answers module (`CountedAnswers`): only it reads this cache, so that
/// no command or figure re-derives anything from it.
package struct CachedFileSums: Sendable {
    /// The stored file's number (its submissions' `file_id`).
    package var fileID: Int64
    /// When the file was received (all its submissions share this time).
    package var received: Date
    /// The respondents' id prefix (`R`).
    package var respondentPrefix: String
    /// The respondents' numbers.
    package var respondents: ClosedRange<Int>
    /// The file's threat ids, comma-separated, in the order its packed mentions and sums
    /// number them (the questionnaire's when the file was stored).
    package var threatList: String
    /// The file's per-state sums.
    package var aggregate: MentionAggregate
    /// The name it was stored under (provenance names the file).
    package var name: String
    /// SHA-256 of the file, lowercase hex.
    package var checksum: String
    /// The numbers of its submissions, one per respondent.
    package var submissions: ClosedRange<Int64>
    /// Data rows read.
    package var rows: Int
}
