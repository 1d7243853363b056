package import ThreatSurvey

/// A type a command-line value converts to, checked before a command does any work.
///
/// Conversion happens while the command line is parsed, so a bad value (`--method best`) is
/// refused with exit 64 before any file is read or store opened. Enumerations list their
/// values once here, for the help, the error message and the shell completions.
package protocol ExpressibleByArgument {
    /// The value `text` stands for, or `nil` when it is not one.
    init?(argument text: String)
    /// Every value when the set is closed (enumerations), else empty.
    static var allValueStrings: [String] { get }
    /// What a value looks like, for an error message (`YYYY-MM-DD`).
    static var expectation: String { get }
    /// How a shell completes a value of this type.
    static var completion: Completion { get }
    /// The value as written on the command line (for `default …` in the help).
    var argumentText: String { get }
    /// Why `text` is not a value, for the error message (default: what was expected).
    static func explanation(for text: String) -> String
}

extension ExpressibleByArgument {
    /// None: an open set of values.
    package static var allValueStrings: [String] { [] }
    /// The values when there are some, else nothing to offer.
    package static var completion: Completion {
        allValueStrings.isEmpty ? .none : .values(allValueStrings)
    }
    /// The value's description.
    package var argumentText: String { String(describing: self) }
    /// What was expected.
    package static func explanation(for text: String) -> String { "expected \(expectation)" }
}

extension ExpressibleByArgument
where Self: RawRepresentable, RawValue == String, Self: CaseIterable {
    /// The case whose raw value is `text`.
    package init?(argument text: String) { self.init(rawValue: text) }
    /// Every case's raw value.
    package static var allValueStrings: [String] { allCases.map(\.rawValue) }
    /// The list of cases.
    package static var expectation: String { "one of " + allValueStrings.joined(separator: ", ") }
    /// The raw value.
    package var argumentText: String { rawValue }
}

extension String: ExpressibleByArgument {
    /// Any text.
    package init?(argument text: String) { self = text }
    /// Any text.
    package static var expectation: String { "text" }
    /// The text itself.
    package var argumentText: String { self }
}

extension Int: ExpressibleByArgument {
    /// Plain decimal digits only: `0x10`, `1e3` and `+3` are refused.
    package init?(argument text: String) {
        guard !text.isEmpty, text.count <= 18, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
            let value = Int(text)
        else { return nil }
        self = value
    }
    /// Digits.
    package static var expectation: String { "a whole number" }
}

extension UInt64: ExpressibleByArgument {
    /// Plain decimal digits only.
    package init?(argument text: String) {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
            let value = UInt64(text)
        else { return nil }
        self = value
    }
    /// Digits.
    package static var expectation: String { "a whole number ≥ 0" }
}

extension DateTimeInput: ExpressibleByArgument {
    /// A date, or a date and time, as people type them (``DateTimeInput/parse(_:)``).
    package init?(argument text: String) { self.init(text) }
    /// The accepted shapes.
    package static var expectation: String { acceptedForms }
    /// The two readings of an ambiguous date, or the forms accepted.
    package static func explanation(for text: String) -> String {
        do {
            _ = try parse(text)
            return "expected \(expectation)"
        } catch { return error.description }
    }
}

extension CivilDate: ExpressibleByArgument {
    /// A day typed as `--received` takes one (``DateTimeInput/parse(_:)``), without a time:
    /// `--today` reads the same forms as the other date options.
    package init?(argument text: String) {
        guard case .date(let day) = try? DateTimeInput.parse(text) else { return nil }
        self = day
    }
    /// The accepted shapes.
    package static var expectation: String { "YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY" }
    /// The two readings of an ambiguous date, a time where a day is asked for, or the forms.
    package static func explanation(for text: String) -> String {
        do {
            _ = try DateTimeInput.parse(text)
            return DateInputError(text: text, reason: .timeNotAllowed).description
        } catch { return error.description }
    }
}

extension MemberState: ExpressibleByArgument {
    /// A code (`FR`), or an English or native name (`France`), as the answer files accept.
    package init?(argument text: String) {
        guard let state = MemberStateResolver.shared.resolve(text) else { return nil }
        self = state
    }
    /// What names a Member State.
    package static var expectation: String { "a Member State (code, English or native name)" }
    /// The EU code.
    package var argumentText: String { code }
    /// Unknown, with the nearest name when there is one.
    package static func explanation(for text: String) -> String {
        "unknown Member State"
            + (MemberStateResolver.shared.suggestion(for: text).map { "; did you mean \"\($0)\"?" }
                ?? "")
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension RankingOptions.Method: ExpressibleByArgument {}
extension SummaryWriter.Language: ExpressibleByArgument {}
extension TemplateWriter.Form: ExpressibleByArgument {}
