/// A failure reported by SQLite, with its result code and message.
///
/// The result code is wrapped (``ResultCode``) so that no C integer leaks past `Store/`,
/// and matchable: `catch SQLiteError.ResultCode.busy` reads as what it means.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// An SQLite primary result code.
    public struct ResultCode: RawRepresentable, Sendable, Hashable {
        /// The C value.
        public var rawValue: Int32
        /// Wraps a C value (extended codes are reduced to their primary code).
        public init(rawValue: Int32) { self.rawValue = rawValue & 0xFF }

        /// `SQLITE_BUSY`: another connection holds the lock past the busy timeout.
        public static let busy = ResultCode(rawValue: 5)
        /// `SQLITE_LOCKED`.
        public static let locked = ResultCode(rawValue: 6)
        /// `SQLITE_READONLY`.
        public static let readOnly = ResultCode(rawValue: 8)
        /// `SQLITE_CORRUPT`.
        public static let corrupt = ResultCode(rawValue: 11)
        /// `SQLITE_CANTOPEN`.
        public static let cannotOpen = ResultCode(rawValue: 14)
        /// `SQLITE_CONSTRAINT`.
        public static let constraint = ResultCode(rawValue: 19)
        /// `SQLITE_NOTADB`: the file is not a database.
        public static let notADatabase = ResultCode(rawValue: 26)

        /// Lets `catch SQLiteError.ResultCode.busy` match any error with that code.
        public static func ~= (pattern: ResultCode, error: any Error) -> Bool {
            (error as? SQLiteError)?.code == pattern
        }
    }

    /// The primary result code.
    public let code: ResultCode
    /// SQLite's message.
    public let message: String
    /// The statement that failed, if any.
    public let sql: String?

    /// `SQLite error 19: UNIQUE constraint failed … (in: INSERT …)`.
    public var description: String {
        "SQLite error \(code.rawValue): \(message)" + (sql.map { " (in: \($0))" } ?? "")
    }
}
