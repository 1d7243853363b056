/// A parsed JSON value that remembers where it was written.
///
/// Foundation's `JSONSerialization` loses positions, but a delegation told "unknown threat"
/// needs the line and column of the offending string. Object members keep their order.
public struct JSONNode: Sendable {
    /// One member of an object, with the key's own position.
    public struct Member: Sendable {
        /// The key.
        public var key: String
        /// Where the key was written.
        public var keyLine: Int
        /// Where the key was written.
        public var keyColumn: Int
        /// The value.
        public var value: JSONNode
    }

    /// The value's content.
    public enum Value: Sendable {
        case null
        case bool(Bool)
        /// The number's text exactly as written (so `1.0` and `1` can be told apart).
        case number(String)
        case string(String)
        case array([JSONNode])
        case object([Member])
    }

    /// The content.
    public var value: Value
    /// 1-based line of the value's first character.
    public var line: Int
    /// 1-based column (characters) of the value's first character.
    public var column: Int

    /// The member named `key` (the last one, if repeated), case-insensitively.
    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        let lower = key.lowercased()
        return members.last { $0.key.lowercased() == lower }?.value
    }

    /// The string content, if this is a string.
    public var string: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    /// The elements, if this is an array.
    public var array: [JSONNode]? {
        if case .array(let a) = value { return a }
        return nil
    }

    /// The members, if this is an object.
    public var members: [Member]? {
        if case .object(let m) = value { return m }
        return nil
    }

    /// A short name of the value's type, for messages ("expected a string, found a number").
    public var kindName: String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
