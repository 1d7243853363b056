public import Foundation

/// Why a word-processing document (`.docx`, `.odt`) cannot be read, and where: the zip
/// archive, the XML part and its `LINE:COLUMN`, or the limit that was exceeded.
public enum DocumentError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The zip container is unreadable or refused.
    case archive(ZipError)
    /// An XML part is not well-formed or refused (`<!DOCTYPE`, nesting, size).
    case xml(part: String, XMLError)
    /// A part the format requires is missing (`word/document.xml`, `content.xml`).
    case missingPart(String)
    /// A documented limit of ``WordDocument`` was exceeded; the text says which.
    case limitExceeded(String)
    /// The archive is some other kind of file (a workbook, a presentation).
    case notADocument(String)
    /// The document is encrypted (password-protected).
    case encrypted

    /// One sentence, lower case first word, starting with the part when there is one.
    public var description: String {
        switch self {
        case .archive(let error): return error.description
        case .xml(let part, let error):
            return "\(part):\(error.line):\(error.column): \(error.message)"
        case .missingPart(let part): return "the document has no \(part) part"
        case .limitExceeded(let message): return "limit exceeded: \(message)"
        case .notADocument(let what): return "not a text document: \(what)"
        case .encrypted:
            return "the document is encrypted (password-protected); save it without a password"
        }
    }

    /// The same sentence, for `LocalizedError` consumers.
    public var errorDescription: String? { description }

    /// The problem as a diagnostic on `file`, the part appended after ` » ` for XML errors.
    public func diagnostic(file: String) -> Diagnostic {
        if case .xml(let part, let error) = self {
            return Diagnostic(
                file: "\(file) » \(part)", line: error.line, column: error.column,
                message: error.message)
        }
        return Diagnostic(file: file, message: description)
    }
}
