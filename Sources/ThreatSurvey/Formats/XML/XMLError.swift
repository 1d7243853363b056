public import Foundation

/// Why an XML part cannot be read, and where: `LINE:COLUMN` (1-based, column in characters).
///
/// XML in office files comes from outside; a malformed or hostile part (a `<!DOCTYPE` carrying
/// entity definitions, 10,000 nested elements) is refused at the exact place it goes wrong.
public struct XMLError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// What kind of problem, for callers that react differently to a refusal and to damage.
    public enum Code: Sendable, Hashable {
        /// The text is not well-formed XML.
        case syntax
        /// A `<!DOCTYPE` declaration: refused, never resolved (no entity expansion, no
        /// external resources).
        case doctypeRefused
        /// An entity other than the five predefined ones and character references.
        case undefinedEntity
        /// Nesting deeper than `XMLReader/maximumDepth`.
        case depthLimit
        /// More elements than the reader's element limit (`XMLReader/maximumElements`).
        case elementLimit
        /// A UTF-16 (or other non-UTF-8) document.
        case unsupportedEncoding
    }

    /// What kind of problem.
    public var code: Code
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in characters.
    public var column: Int
    /// One sentence, lower case first word.
    public var message: String

    /// Creates an error at `line`:`column`.
    public init(_ code: Code, line: Int, column: Int, message: String) {
        self.code = code
        self.line = line
        self.column = column
        self.message = message
    }

    /// The error as `LINE:COLUMN: message`.
    public var description: String { "\(line):\(column): \(message)" }

    /// The same text, for `LocalizedError` consumers.
    public var errorDescription: String? { description }
}
