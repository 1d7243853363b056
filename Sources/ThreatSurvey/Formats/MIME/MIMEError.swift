public import Foundation

/// Why a file could not be read as a mail.
///
/// Only two things stop a mail: bytes that are not a mail at all (no header block), and a
/// documented limit of ``MIMEReader`` being exceeded (a file built to exhaust memory or the
/// stack). Everything else real mail gets wrong is read leniently and said in
/// ``MailMessage/notes``. Each case says where: the 1-based line of the file (of the decoded
/// bytes for a base64-encoded forwarded message).
public enum MIMEError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The file does not start with a header block (`Name: value` lines).
    case notAMail(line: Int, found: String)
    /// A header block is larger than ``MIMEReader/maxHeaderBytes``.
    case headerTooLarge(line: Int, limit: Int)
    /// A header block has more than ``MIMEReader/maxHeaderFields`` fields.
    case tooManyHeaderFields(line: Int, limit: Int)
    /// A header line is longer than ``MIMEReader/maxHeaderLineLength`` bytes.
    case headerLineTooLong(line: Int, limit: Int)
    /// Multiparts and messages are nested deeper than ``MIMEReader/maxNestingDepth``.
    case nestingTooDeep(line: Int, limit: Int)
    /// The mail has more than ``MIMEReader/maxParts`` parts.
    case tooManyParts(line: Int, limit: Int)
    /// Forwarded messages are nested deeper than ``MIMEReader/maxMessageDepth``.
    case messagesTooDeep(line: Int, limit: Int)

    /// The 1-based line the problem was found at.
    public var line: Int {
        switch self {
        case .notAMail(let line, _), .headerTooLarge(let line, _),
            .tooManyHeaderFields(let line, _), .headerLineTooLong(let line, _),
            .nestingTooDeep(let line, _), .tooManyParts(let line, _),
            .messagesTooDeep(let line, _):
            return line
        }
    }

    /// One sentence, lower case first word, no position (``diagnostic(file:)`` adds it).
    public var message: String {
        switch self {
        case .notAMail(_, let found):
            return "not a mail: expected a header field (\"Name: value\"), found \"\(found)\""
        case .headerTooLarge(_, let limit):
            return "header block larger than \(limit) bytes"
        case .tooManyHeaderFields(_, let limit):
            return "header block with more than \(limit) fields"
        case .headerLineTooLong(_, let limit):
            return "header line longer than \(limit) bytes"
        case .nestingTooDeep(_, let limit):
            return "parts nested deeper than \(limit) levels"
        case .tooManyParts(_, let limit):
            return "mail with more than \(limit) parts"
        case .messagesTooDeep(_, let limit):
            return "forwarded messages nested deeper than \(limit) levels"
        }
    }

    /// `line N: message`.
    public var description: String { "line \(line): \(message)" }

    /// Forwards to ``description`` so `localizedDescription` is the sentence on Linux too.
    public var errorDescription: String? { description }

    /// The error as a `FILE:LINE: error: …` diagnostic.
    public func diagnostic(file: String) -> Diagnostic {
        Diagnostic(file: file, line: line, severity: .error, message: message)
    }
}
