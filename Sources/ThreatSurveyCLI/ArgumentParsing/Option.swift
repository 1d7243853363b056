import ThreatSurvey

/// An option that takes a value: `@Option(help: "…") var method: RankingOptions.Method = .count`.
///
/// The value is converted (and checked against `range` or `values`) while the command line is
/// parsed, before the command runs; the command reads it as a plain typed property, so a
/// misspelt option cannot compile. An array property collects every value given
/// (`--from a.csv b.csv --from c.csv`); an optional one is `nil` when the option is absent; one
/// without a default is required and shown in the usage line.
@propertyWrapper
package final class Option<Value>: ArgumentSlot {
    let declaration: ArgumentDeclaration
    private var value: Value?
    private let store: (Value?, String, String) throws(SurveyError) -> Value

    /// The value given, else the default.
    ///
    /// The parser guarantees a required option is set
    /// before `run`; ``CLI`` reports an unset one as an internal error (exit 70) first.
    package var wrappedValue: Value {
        guard let value else {
            preconditionFailure("required --\(declaration.name ?? "?") read before parsing")
        }
        return value
    }

    var isSet = false

    init(
        declaration: ArgumentDeclaration, initial: Value?,
        store: @escaping (Value?, String, String) throws(SurveyError) -> Value
    ) {
        self.declaration = declaration
        self.value = initial
        self.store = store
    }

    func assign(_ text: String, name: String) throws(SurveyError) {
        if isSet, !declaration.isRepeatable { throw .usage("\(name) is given twice") }
        value = try store(isSet ? value : nil, text, name)
        isSet = true
    }
}

extension Option where Value: ExpressibleByArgument {
    /// An option with a default.
    package convenience init(
        wrappedValue: Value, name: String? = nil, _ placeholder: String = "VALUE", help: String,
        values: [Value]? = nil, completion: Completion? = nil
    ) {
        let allowed = values?.map(\.argumentText)
        self.init(
            declaration: ArgumentDeclaration(
                kind: .option, name: name, placeholder: placeholder, help: help, isRequired: false,
                isRepeatable: false,
                defaultText: wrappedValue.argumentText,
                completion: completion ?? allowed.map(Completion.values) ?? Value.completion),
            initial: wrappedValue,
            store: { (_, text, name) throws(SurveyError) in
                try convert(text, name: name, allowed: allowed)
            })
    }

    /// A required option: the command does not run without it.
    package convenience init(
        name: String? = nil, _ placeholder: String = "VALUE", help: String,
        completion: Completion? = nil
    ) {
        self.init(
            declaration: ArgumentDeclaration(
                kind: .option, name: name, placeholder: placeholder, help: help, isRequired: true,
                isRepeatable: false,
                defaultText: nil, completion: completion ?? Value.completion),
            initial: nil,
            store: { (_, text, name) throws(SurveyError) in
                try convert(text, name: name, allowed: nil)
            })
    }
}

extension Option where Value: ExpressibleByArgument & Comparable {
    /// An option with a default whose value must lie in `range` (`--limit 0…1000000000`).
    package convenience init(
        wrappedValue: Value, name: String? = nil, _ placeholder: String = "VALUE", help: String,
        range: ClosedRange<Value>
    ) {
        self.init(
            declaration: ArgumentDeclaration(
                kind: .option, name: name, placeholder: placeholder, help: help, isRequired: false,
                isRepeatable: false,
                defaultText: wrappedValue.argumentText, completion: .none),
            initial: wrappedValue,
            store: { (_, text, name) throws(SurveyError) in
                try Self.convertInRange(text, name: name, range)
            })
    }

    /// A required option whose value must lie in `range` (`--respondents 0…100000000`).
    package convenience init(
        name: String? = nil, _ placeholder: String = "VALUE", help: String,
        range: ClosedRange<Value>
    ) {
        self.init(
            declaration: ArgumentDeclaration(
                kind: .option, name: name, placeholder: placeholder, help: help, isRequired: true,
                isRepeatable: false,
                defaultText: nil, completion: .none),
            initial: nil,
            store: { (_, text, name) throws(SurveyError) in
                try Self.convertInRange(text, name: name, range)
            })
    }

    /// Converts `text` and refuses a value outside `range`: the one range rule of every option.
    private static func convertInRange(_ text: String, name: String, _ range: ClosedRange<Value>)
        throws(SurveyError) -> Value
    {
        let value: Value = try convert(text, name: name, allowed: nil)
        guard range.contains(value) else {
            throw .usage(
                "\(name) \(text): use \(range.lowerBound.argumentText) to \(range.upperBound.argumentText)"
            )
        }
        return value
    }
}

extension Option {
    /// An optional option: `nil` when absent.
    package convenience init<Wrapped: ExpressibleByArgument>(
        name: String? = nil, _ placeholder: String = "VALUE", help: String,
        completion: Completion? = nil
    ) where Value == Wrapped? {
        self.init(
            declaration: ArgumentDeclaration(
                kind: .option, name: name, placeholder: placeholder, help: help, isRequired: false,
                isRepeatable: false,
                defaultText: nil, completion: completion ?? Wrapped.completion),
            initial: .some(nil),
            store: { (_, text, name) throws(SurveyError) -> Wrapped? in
                let value: Wrapped = try convert(text, name: name, allowed: nil)
                return value
            })
    }

    /// A repeatable option collecting every value given.
    package convenience init<Element: ExpressibleByArgument>(
        wrappedValue: [Element] = [], name: String? = nil, _ placeholder: String = "VALUE…",
        help: String,
        completion: Completion? = nil
    ) where Value == [Element] {
        self.init(
            declaration: ArgumentDeclaration(
                kind: .option, name: name, placeholder: placeholder, help: help, isRequired: false,
                isRepeatable: true,
                defaultText: nil, completion: completion ?? Element.completion),
            initial: wrappedValue,
            store: { (existing, text, name) throws(SurveyError) -> [Element] in
                let value: Element = try convert(text, name: name, allowed: nil)
                return (existing ?? []) + [value]
            })
    }
}
