/// A `KEY=VALUE` value (`--priority 3=1`), each side converted by its own type.
///
/// The first `=` splits; the key may not be empty. For options such as `review --priority N=P`.
package struct ArgumentPair<Key: ExpressibleByArgument, Value: ExpressibleByArgument>:
    ExpressibleByArgument
{
    /// The part before `=`.
    package var key: Key
    /// The part after `=`.
    package var value: Value

    /// Splits `text` at its first `=` and converts both sides.
    package init?(argument text: String) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex,
            let key = Key(argument: String(text[..<equals])),
            let value = Value(argument: String(text[text.index(after: equals)...]))
        else { return nil }
        self.key = key
        self.value = value
    }

    /// `KEY=VALUE`, each as its type expects.
    package static var expectation: String {
        "KEY=VALUE (\(Key.expectation) = \(Value.expectation))"
    }

    /// `key=value` as written.
    package var argumentText: String { key.argumentText + "=" + value.argumentText }
}
