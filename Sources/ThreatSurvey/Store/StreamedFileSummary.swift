/// What a streamed file held, as its reader hands it to the store at the end: the sums a
/// ranking needs and what decides whether they may be added to another file's.
///
/// The file's checksum and size are not the reader's to say: the store fills them from the
/// bytes it kept (``Store/insertStreamed(names:questionnaire:received:_:)``).
public struct StreamedFileSummary: Sendable {
    /// The file's per-state sums.
    public var aggregate: MentionAggregate
    /// Data rows read.
    public var rows: Int
    /// The respondents' id prefix (`R`).
    public var respondentPrefix: String
    /// The smallest and largest respondent numbers.
    public var respondents: ClosedRange<Int>
    /// SHA-256 of the bytes kept, lowercase hex (filled by the store).
    public var checksum = ""
    /// Bytes kept (filled by the store).
    public var size = 0

    /// A summary.
    public init(
        aggregate: MentionAggregate, rows: Int, respondentPrefix: String,
        respondents: ClosedRange<Int>
    ) {
        self.aggregate = aggregate
        self.rows = rows
        self.respondentPrefix = respondentPrefix
        self.respondents = respondents
    }
}
