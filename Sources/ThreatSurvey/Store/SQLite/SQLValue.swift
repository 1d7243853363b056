/// A value bound to or read from an SQLite statement.
///
/// Every value reaches SQL as a bound parameter, never by string interpolation, so text
/// from a delegation can never become SQL.
package enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// `.text`, or `.null` for `nil`.
    public static func optional(_ text: String?) -> SQLValue { text.map(SQLValue.text) ?? .null }
    /// `.integer`, or `.null` for `nil`.
    public static func optional(_ number: Int?) -> SQLValue {
        number.map { .integer(Int64($0)) } ?? .null
    }
}
