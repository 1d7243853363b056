/// A header block: the `Name: value` fields of a mail or of one of its parts, unfolded.
///
/// Field names are case-insensitive (`content-type`, `Content-Type`); values keep their raw
/// text (encoded words are decoded by whoever knows the field is unstructured text). Header
/// bytes should be ASCII; raw UTF-8 (RFC 6532) is read as UTF-8 and other 8-bit bytes as
/// Windows-1252.
public struct MIMEHeader: Sendable, Hashable {
    /// One field, its value unfolded (line breaks before whitespace removed) and trimmed.
    public struct Field: Sendable, Hashable {
        /// The name as written.
        public var name: String
        /// The unfolded value.
        public var value: String
        /// The 1-based line the field starts on.
        public var line: Int
    }

    /// The fields in file order.
    public var fields: [Field]

    /// Creates a header block from fields.
    public init(fields: [Field] = []) {
        self.fields = fields
    }

    /// The value of the first field called `name` (any case), or `nil`.
    ///
    /// - Complexity: O(f) for f fields.
    public subscript(name: String) -> String? {
        first(name)?.value
    }

    /// The first field called `name` (any case).
    ///
    /// - Complexity: O(f) for f fields.
    public func first(_ name: String) -> Field? {
        fields.first {
            $0.name.utf8.count == name.utf8.count && $0.name.lowercased() == name.lowercased()
        }
    }

    /// Every field called `name` (any case), in file order.
    ///
    /// - Complexity: O(f) for f fields.
    public func all(_ name: String) -> [Field] {
        let key = name.lowercased()
        return fields.filter { $0.name.utf8.count == key.utf8.count && $0.name.lowercased() == key }
    }
}
