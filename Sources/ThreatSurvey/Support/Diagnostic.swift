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

    /// `FILE:LINE:COLUMN: error: message; did you mean "x"?`, safe for a terminal.
    ///
    /// The file name, message and suggestion may all carry text from the file (or its
    /// name), so the whole line goes through ``TerminalText/safe(_:keepingLineBreaks:)``:
    /// no ESC, BEL, CR or bidi control from a file ever reaches the terminal raw, and a
    /// diagnostic is always exactly one line.
    public var description: String { TerminalText.safe(rawDescription) }

    /// The line before terminal escaping (for tests of the escaping itself).
    var rawDescription: String {
        var place = file
        if let line {
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

extension Diagnostic {
    /// Most diagnostics one file keeps in memory while it is read: 1,000.
    ///
    /// A 50 MB line `a,a,a,…` holds 25 million unknown names; keeping each as a diagnostic
    /// took gigabytes. Beyond this number only a count is kept (in one trailing note).
    public static let retainedPerFile = 1_000

    /// Most diagnostics listed (printed, stored, shown in a receipt) per file: 100, then one
    /// line "and N more".
    public static let listedPerFile = 100

    static let omissionMarker = "more problems in this file are not listed"

    /// Whether this is the note that counts diagnostics not kept.
    var isOmissionNote: Bool { line == nil && message.hasSuffix(Self.omissionMarker) }
}

extension Array where Element == Diagnostic {
    /// Appends `diagnostic`, or, once ``Diagnostic/retainedPerFile`` are kept, only counts
    /// it in the trailing omission note (an error note if any omitted one is an error).
    ///
    /// - Complexity: O(1) amortized; memory stays bounded whatever the file holds.
    public mutating func record(_ diagnostic: Diagnostic) {
        if count < Diagnostic.retainedPerFile {
            append(diagnostic)
            return
        }
        let adding = diagnostic.isOmissionNote ? (diagnostic.column ?? 1) : 1
        if let last, last.isOmissionNote {
            let omitted = (last.column ?? 0) + adding
            self[count - 1].column = omitted
            self[count - 1].message = "and \(omitted) \(Diagnostic.omissionMarker)"
            if diagnostic.severity == .error { self[count - 1].severity = .error }
        } else {
            append(
                Diagnostic(
                    file: diagnostic.file, line: nil, column: adding,
                    severity: diagnostic.severity == .error ? .error : .note,
                    message: "and \(adding) \(Diagnostic.omissionMarker)"))
        }
    }

    /// Records each of `diagnostics` (see ``record(_:)``).
    public mutating func record(contentsOf diagnostics: [Diagnostic]) {
        for d in diagnostics { record(d) }
    }

    /// The first ``Diagnostic/listedPerFile`` in file order (line, then column), then one
    /// note counting the rest ("and N more …"), an error when any of the rest is.
    ///
    /// - Complexity: O(n log n) in the (bounded) number kept.
    public func listed(limit: Int = Diagnostic.listedPerFile) -> [Diagnostic] {
        var omitted = 0
        var omittedError = false
        var kept: [Diagnostic] = []
        for d in self {
            if d.isOmissionNote {
                omitted += d.column ?? 0
                omittedError = omittedError || d.severity == .error
            } else {
                kept.append(d)
            }
        }
        kept.sort { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
        if kept.count > limit {
            omitted += kept.count - limit
            omittedError = omittedError || kept[limit...].contains { $0.severity == .error }
            kept.removeSubrange(limit...)
        }
        guard omitted > 0, let file = kept.first?.file ?? first?.file else { return kept }
        kept.append(
            Diagnostic(
                file: file, severity: omittedError ? .error : .note,
                message:
                    "and \(omitted) more problem\(omitted == 1 ? "" : "s") in this file (the first \(limit) are listed)"
            ))
        return kept
    }
}
