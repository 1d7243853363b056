import ThreatSurvey

/// What one declared option, flag or positional argument looks like to the parser, the help
/// and the completion scripts.
///
/// Built from a property wrapper (``Option``, ``Flag``, ``Argument``); the long name comes from
/// the property's name (`onTimeOnly` → `--on-time-only`) unless one is given.
package struct ArgumentDeclaration: Sendable {
    /// Option, flag, or positional argument.
    package enum Kind: Sendable {
        /// `--name VALUE`.
        case option
        /// `--name`, no value.
        case flag
        /// A plain word, by position.
        case positional
    }

    /// What kind of declaration this is.
    package var kind: Kind
    /// The long name without dashes; `nil` until taken from the property name.
    package var name: String?
    /// The value's placeholder in usage and help (`PATH`, `FILE…`).
    package var placeholder: String
    /// One sentence of help.
    package var help: String
    /// Whether the command cannot run without it.
    package var isRequired: Bool
    /// Whether it may be given several times or take several values (`--from A B`).
    package var isRepeatable: Bool
    /// The default as shown in the help, if worth showing.
    package var defaultText: String?
    /// How shells complete the value.
    package var completion: Completion

    /// `--name PLACEHOLDER`, `--name`, or `PLACEHOLDER` for a positional.
    var label: String {
        switch kind {
        case .option: return "--\(name ?? "?") \(placeholder)"
        case .flag: return "--\(name ?? "?")"
        case .positional: return placeholder
        }
    }
}

/// The parser's view of a property wrapper: its declaration and how to store a value.
protocol ArgumentSlot: AnyObject {
    var declaration: ArgumentDeclaration { get }
    /// Whether a value was given on the command line.
    var isSet: Bool { get }
    /// Converts and stores one value written as `text` (for a flag: `"true"`).
    func assign(_ text: String, name: String) throws(SurveyError)
}

/// The parser's view of ``OptionGroup``: a group of declarations shared by several commands.
protocol ArgumentGroupSlot: AnyObject {
    var contents: Any { get }
}

/// Converts `text` for `name`, with the error message every option shares.
func convert<Value: ExpressibleByArgument>(_ text: String, name: String, allowed: [String]?)
    throws(SurveyError) -> Value
{
    if let allowed, !allowed.contains(text) {
        throw .usage("\(name) \(text): use one of " + allowed.joined(separator: ", "))
    }
    guard let value = Value(argument: text) else {
        throw .usage("\(name) \(text): \(Value.explanation(for: text))")
    }
    return value
}
