public import Foundation

/// A file and the responses read from it, validated and ready to be stored together.
public struct PendingFile: Sendable {
    /// The file's name (no folder).
    public var name: String
    /// The bytes exactly as received.
    public var bytes: [UInt8]
    /// The shape it came in.
    public var format: InputFormat
    /// The encoding detected.
    public var encoding: TextEncoding
    /// The CSV delimiter, for CSV files.
    public var delimiter: String?
    /// The questionnaire answered.
    public var questionnaire: String
    /// When it was received.
    public var received: Date
    /// The responses it holds, one submission each.
    public var responses: [Response]
    /// Warnings given when it was read, kept with each of its submissions.
    public var warnings: [String]

    /// Creates a pending file.
    public init(
        name: String, bytes: [UInt8], format: InputFormat, encoding: TextEncoding,
        delimiter: String?, questionnaire: String, received: Date, responses: [Response],
        warnings: [String]
    ) {
        self.init(
            name: name, bytes: bytes, checksum: SHA256.hex(of: bytes), format: format,
            encoding: encoding, delimiter: delimiter, questionnaire: questionnaire,
            received: received, responses: responses, warnings: warnings)
    }

    /// Creates a pending file whose bytes' checksum (SHA-256, hex) is known.
    ///
    /// The answers of one mail share the mail, hashed once rather than once per attachment
    /// (999 attachments of a 400 KB mail hashed it 999 times).
    public init(
        name: String, bytes: [UInt8], checksum: String, format: InputFormat,
        encoding: TextEncoding, delimiter: String?, questionnaire: String, received: Date,
        responses: [Response], warnings: [String]
    ) {
        self.name = name
        self.bytes = bytes
        self.format = format
        self.encoding = encoding
        self.delimiter = delimiter
        self.questionnaire = questionnaire
        self.received = received
        self.responses = responses
        self.warnings = warnings
        self.checksum = checksum
    }

    /// The attachment (or body) the responses were read from, when ``bytes`` is a mail.
    public var part: SourcePart?

    /// What the receipt's received line adds (a forwarded answer's reason), not stored: the
    /// stored warnings keep the reason as a note.
    public var receivedNote: String?
    /// For an Office file, its format and the part read (`xlsx, sheet Answers`, `docx`):
    /// what the receipt names instead of a text encoding; `nil` for text files.
    public var source: String?

    /// SHA-256 of the bytes, computed once.
    public let checksum: String
}
