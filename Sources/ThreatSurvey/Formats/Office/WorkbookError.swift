public import Foundation

/// Why a workbook (`.xlsx`, `.ods`) cannot be read, and where: the zip archive, the XML part
/// and its `LINE:COLUMN`, or the limit that was exceeded.
public enum WorkbookError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The zip container is unreadable or refused.
    case archive(ZipError)
    /// An XML part is not well-formed or refused (`<!DOCTYPE`, nesting, size).
    case xml(part: String, XMLError)
    /// A part the format requires is missing (`xl/workbook.xml`, `content.xml`).
    case missingPart(String)
    /// A part is well-formed XML but says something a workbook cannot (a cell reference
    /// `ZZZZ1`, a shared string that does not exist).
    case malformed(part: String, line: Int, column: Int, message: String)
    /// A documented limit of ``Workbook`` was exceeded; the text says which.
    case limitExceeded(part: String, message: String)
    /// The archive is some other kind of document (a `.docx`, a presentation).
    case notAWorkbook(String)
    /// The workbook is encrypted (password-protected).
    case encrypted

    /// One sentence, lower case first word, starting with the part when there is one.
    public var description: String {
        switch self {
        case .archive(let error): return error.description
        case .xml(let part, let error):
            return "\(part):\(error.line):\(error.column): \(error.message)"
        case .missingPart(let part): return "the workbook has no \(part) part"
        case .malformed(let part, let line, let column, let message):
            return "\(part):\(line):\(column): \(message)"
        case .limitExceeded(let part, let message): return "\(part): limit exceeded: \(message)"
        case .notAWorkbook(let what): return "not a spreadsheet: \(what)"
        case .encrypted:
            return "the workbook is encrypted (password-protected); save it without a password"
        }
    }

    /// The same sentence, for `LocalizedError` consumers.
    public var errorDescription: String? { description }

    /// The problem as a diagnostic on `file` (as the user named it), the part appended after
    /// ` » ` so that the chain reads `answers.xlsx » xl/worksheets/sheet1.xml:3:14: error: …`.
    public func diagnostic(file: String) -> Diagnostic {
        switch self {
        case .xml(let part, let error):
            return Diagnostic(
                file: "\(file) » \(part)", line: error.line, column: error.column,
                message: error.message)
        case .malformed(let part, let line, let column, let message):
            return Diagnostic(
                file: "\(file) » \(part)", line: line, column: column, message: message)
        default:
            return Diagnostic(file: file, message: description)
        }
    }
}
