import ThreatSurvey

/// A positional argument: `@Argument("SUBMISSION", help: "…") var submission: SubmissionNumber`.
///
/// Positionals are required and shown in the usage line; an array property takes one or more
/// (`FILE…`).
@propertyWrapper
package final class Argument<Value>: ArgumentSlot {
    let declaration: ArgumentDeclaration
    private var value: Value?
    private let store: (Value?, String, String) throws(SurveyError) -> Value
    var isSet = false

    /// The value given; the parser guarantees it is set before `run`.
    package var wrappedValue: Value {
        guard let value else {
            preconditionFailure("argument \(declaration.placeholder) read before parsing")
        }
        return value
    }

    /// One required positional.
    package init(_ placeholder: String, help: String, completion: Completion? = nil)
    where Value: ExpressibleByArgument {
        declaration = ArgumentDeclaration(
            kind: .positional, name: nil, placeholder: placeholder, help: help, isRequired: true,
            isRepeatable: false,
            defaultText: nil, completion: completion ?? Value.completion)
        store = { (_, text, name) throws(SurveyError) in try convert(text, name: name, allowed: nil)
        }
    }

    /// One or more positionals.
    package init<Element: ExpressibleByArgument>(
        _ placeholder: String, help: String, completion: Completion? = nil
    )
    where Value == [Element] {
        declaration = ArgumentDeclaration(
            kind: .positional, name: nil, placeholder: placeholder, help: help, isRequired: true,
            isRepeatable: true,
            defaultText: nil, completion: completion ?? Element.completion)
        store = { (existing, text, name) throws(SurveyError) -> [Element] in
            let value: Element = try convert(text, name: name, allowed: nil)
            return (existing ?? []) + [value]
        }
    }

    func assign(_ text: String, name: String) throws(SurveyError) {
        value = try store(value, text, name)
        isSet = true
    }
}
