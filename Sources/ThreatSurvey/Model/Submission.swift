public import Foundation

/// A response as stored: what was received, when, from which file, and what it superseded.
///
/// Submissions are never deleted or changed; a resubmission is a new submission, and which
/// one is a Member State's *current* answer is computed (``CurrentAnswers``).
public struct Submission: Sendable, Hashable, Identifiable {
    /// The store's number for it, shown in receipts and `history`.
    public var id: Int64
    /// The questionnaire id.
    public var questionnaire: String
    /// When the secretariat received it.
    public var received: Date
    /// The file it came in, as named on the command line (no folder).
    public var sourceFile: String
    /// The shape it came in.
    public var format: InputFormat
    /// The encoding detected.
    public var encoding: String
    /// The CSV delimiter detected, for CSV files.
    public var delimiter: String?
    /// SHA-256 of the file's bytes.
    public var checksum: String
    /// The store's number for the file (several submissions may share one file).
    public var fileID: Int64
    /// The answer itself.
    public var response: Response
    /// Warnings given when it was read, kept with it.
    public var warnings: [String]
    /// The attachment (or body) it was read from, when ``sourceFile`` is a mail.
    public var part: SourcePart? = nil
    /// For an Office file, its format and the part read (`xlsx, sheet Answers`, `docx`);
    /// `nil` for a text file (and for submissions stored before it was recorded).
    public var source: String? = nil

    /// The delegation's EU code.
    public var delegation: String { response.delegation }
    /// Every Member State it speaks for.
    public var memberStates: [String] { response.memberStates }
}
