public import Foundation

/// What storing a large consultation file did.
public struct StreamedReceipt: Sendable {
    /// The store's number for the file.
    public var fileID: Int64
    /// The first and last submission numbers (one per Member State, its respondents inside).
    public var submissions: ClosedRange<Int64>
    /// Data rows read.
    public var rows: Int
    /// Member States with answers, protocol order.
    public var memberStates: [String]
    /// SHA-256 of the file.
    public var checksum: String
    /// File size in bytes.
    public var size: Int
    /// The file name.
    public var name: String
    /// When it was received.
    public var received: Date
    /// The questionnaire.
    public var questionnaire: Questionnaire
    /// The sums, for the receipt's threat counts.
    public var aggregate: MentionAggregate
}
