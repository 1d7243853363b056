/// What a streamed file held, as its reader hands it to the store at the end: the sums a
/// ranking needs and what decides whether they may be added to another file's.
public struct StreamedFileSummary: Sendable {
    /// The file's per-state sums.
    public var aggregate: MentionAggregate
    /// Data rows read.
    public var rows: Int
    /// The respondents' id prefix (`R`).
    public var respondentPrefix: String
    /// The smallest and largest respondent numbers.
    public var respondents: ClosedRange<Int>
    /// SHA-256 of the file, lowercase hex.
    public var checksum: String
    /// File size in bytes.
    public var size: Int

    /// A summary.
    public init(
        aggregate: MentionAggregate, rows: Int, respondentPrefix: String,
        respondents: ClosedRange<Int>,
        checksum: String, size: Int
    ) {
        self.aggregate = aggregate
        self.rows = rows
        self.respondentPrefix = respondentPrefix
        self.respondents = respondents
        self.checksum = checksum
        self.size = size
    }
}
