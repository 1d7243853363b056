/// A `KEY=VALUE` value (`--priority 3=1`), each side converted by its own type.
///
/// The first `=` splits; the key may not be empty. For options such as `review --priority N=P`.
public struct ArgumentPair<Key: ExpressibleByArgument, Value: ExpressibleByArgument>:
    ExpressibleByArgument
{
    /// The part before `=`.
    public var key: Key
    /// The part after `=`.
    public var value: Value

    /// Splits `text` at its first `=` and converts both sides.
    public init?(argument text: String) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex,
            let key = Key(argument: String(text[..<equals])),
            let value = Value(argument: String(text[text.index(after: equals)...]))
        else { return nil }
        self.key = key
        self.value = value
    }

    /// `KEY=VALUE`, each as its type expects.
    public static var expectation: String {
        "KEY=VALUE (\(Key.expectation) = \(Value.expectation))"
    }

    /// `key=value` as written.
    public var argumentText: String { key.argumentText + "=" + value.argumentText }
}
