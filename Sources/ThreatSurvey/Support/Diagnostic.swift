/// A problem found in an input file, located precisely enough for an editor to jump to it.
///
/// Delegations' files are fixed by people, not by the tool, so every diagnostic says where
/// (`FILE:LINE:COLUMN`), what is wrong, and, where the tool can tell, what was probably meant.
/// The rendering follows the compiler convention so that editors and terminals link it.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is: errors stop a file from being stored, warnings do not.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
        case note
    }

    /// The file the problem is in, as the user named it.
    public var file: String
    /// 1-based line, or `nil` when the problem concerns the file as a whole.
    public var line: Int?
    /// 1-based column in characters, or `nil` when only the line is known.
    public var column: Int?
    /// Whether this stops the file from being stored.
    public var severity: Severity
    /// One sentence, lower case first word, no trailing period.
    public var message: String
    /// What the user probably meant, ready to be appended as `did you mean "…"?`.
    public var suggestion: String?
    /// Where the problem is, named as the officer would look for it, shown instead of
    /// `LINE:COLUMN` when set: `Answers!C4` in a workbook, `12` (a paragraph) or
    /// `table 1, row 3, column 2` in a Word document. ``line`` and ``column`` are kept for sorting.
    public var place: String?

    /// Creates a diagnostic; `line` and `column` are 1-based.
    public init(
        file: String, line: Int? = nil, column: Int? = nil, severity: Severity = .error,
        message: String, suggestion: String? = nil
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.suggestion = suggestion
    }

    /// Creates a diagnostic at a position inside a file.
    public init(
        _ severity: Severity, at location: SourceLocation, _ message: String,
        suggestion: String? = nil
    ) {
        self.init(
            file: location.file, line: location.line, column: location.column,
            severity: severity, message: message, suggestion: suggestion)
    }

    /// `FILE:LINE:COLUMN: error: message; did you mean "x"?` (`FILE:PLACE: …` when ``place`` is set)
    public var description: String {
        var place = file
        if let named = self.place {
            place += ":" + named
        } else if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        var text = "\(place): \(severity.rawValue): \(message)"
        if let suggestion { text += "; did you mean \"\(suggestion)\"?" }
        return text
    }
}

/// A position in an input file.
public struct SourceLocation: Sendable, Hashable {
    /// The file, as the user named it.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in characters.
    public var column: Int

    /// Creates a location; `line` and `column` are 1-based.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic stops the file from being stored.
    public var containsErrors: Bool { contains { $0.severity == .error } }
    /// The errors alone.
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    /// The warnings and notes alone.
    public var warnings: [Diagnostic] { filter { $0.severity != .error } }
}
