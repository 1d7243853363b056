/// A failure reported by SQLite, with its primary and extended result codes and message.
///
/// The codes are wrapped (``ResultCode``, ``ExtendedResultCode``) so that no C integer leaks
/// past `Store/`, and they travel up unchanged to the one place that turns them into the
/// user's message (`Store.failure(_:path:)`). Matchable: `catch SQLiteError.busy` reads
/// as what it means (STYLE.md habits 6, 7 and 17).
package struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// An SQLite primary result code (the low 8 bits of any result code).
    public struct ResultCode: RawRepresentable, Sendable, Hashable {
        /// The C value.
        public var rawValue: Int32
        /// Wraps a C value (extended codes are reduced to their primary code).
        public init(rawValue: Int32) { self.rawValue = rawValue & 0xFF }

        /// `SQLITE_ERROR`: a generic error (SQL error or missing database).
        public static let error = ResultCode(rawValue: 1)
        /// `SQLITE_BUSY`: another connection holds the lock past the busy timeout.
        public static let busy = ResultCode(rawValue: 5)
        /// `SQLITE_LOCKED`: a table is locked by this connection's other statement.
        public static let locked = ResultCode(rawValue: 6)
        /// `SQLITE_READONLY`.
        public static let readOnly = ResultCode(rawValue: 8)
        /// `SQLITE_IOERR`: the operating system reported an I/O error.
        public static let ioError = ResultCode(rawValue: 10)
        /// `SQLITE_CORRUPT`.
        public static let corrupt = ResultCode(rawValue: 11)
        /// `SQLITE_FULL`: the disk is full.
        public static let full = ResultCode(rawValue: 13)
        /// `SQLITE_CANTOPEN`.
        public static let cannotOpen = ResultCode(rawValue: 14)
        /// `SQLITE_CONSTRAINT`: a constraint or trigger refused the change.
        public static let constraint = ResultCode(rawValue: 19)
        /// `SQLITE_NOTADB`: the file is not a database.
        public static let notADatabase = ResultCode(rawValue: 26)

        /// Lets `catch SQLiteError.busy` match any error with that primary code.
        public static func ~= (pattern: ResultCode, error: any Error) -> Bool {
            (error as? SQLiteError)?.code == pattern
        }
    }

    /// An SQLite extended result code: the primary code in the low 8 bits, the detail above.
    public struct ExtendedResultCode: RawRepresentable, Sendable, Hashable {
        /// The C value.
        public var rawValue: Int32
        /// Wraps a C value.
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// The primary code it refines.
        public var primary: ResultCode { ResultCode(rawValue: rawValue) }

        /// `SQLITE_CONSTRAINT_TRIGGER`: a trigger's `RAISE(ABORT, …)` refused the change.
        public static let constraintTrigger = ExtendedResultCode(rawValue: 19 | 7 << 8)
        /// `SQLITE_CONSTRAINT_UNIQUE`.
        public static let constraintUnique = ExtendedResultCode(rawValue: 19 | 8 << 8)
        /// `SQLITE_CONSTRAINT_FOREIGNKEY`.
        public static let constraintForeignKey = ExtendedResultCode(rawValue: 19 | 3 << 8)
        /// `SQLITE_BUSY_SNAPSHOT`: a WAL reader's snapshot is stale and cannot be upgraded.
        public static let busySnapshot = ExtendedResultCode(rawValue: 5 | 2 << 8)

        /// Lets `catch SQLiteError.ExtendedResultCode.constraintTrigger` match.
        public static func ~= (pattern: ExtendedResultCode, error: any Error) -> Bool {
            (error as? SQLiteError)?.extendedCode == pattern
        }
    }

    /// The primary result code.
    public var code: ResultCode { extendedCode.primary }
    /// The extended result code, as SQLite reported it.
    public let extendedCode: ExtendedResultCode
    /// SQLite's message.
    public let message: String
    /// The statement that failed, if any.
    public let sql: String?

    /// An error with SQLite's (possibly extended) result code `code`.
    init(code: Int32, message: String, sql: String?) {
        self.extendedCode = ExtendedResultCode(rawValue: code)
        self.message = message
        self.sql = sql
    }

    /// `catch SQLiteError.busy`: another connection holds the lock past the busy timeout.
    public static let busy = ResultCode.busy
    /// `catch SQLiteError.locked`.
    public static let locked = ResultCode.locked
    /// `catch SQLiteError.constraint`: a constraint or trigger refused the change.
    public static let constraint = ResultCode.constraint
    /// `catch SQLiteError.readOnly`.
    public static let readOnly = ResultCode.readOnly
    /// `catch SQLiteError.corrupt`.
    public static let corrupt = ResultCode.corrupt
    /// `catch SQLiteError.notADatabase`.
    public static let notADatabase = ResultCode.notADatabase
    /// `catch SQLiteError.full`.
    public static let full = ResultCode.full

    /// `SQLite error 19/2067: UNIQUE constraint failed … (in: INSERT …)`.
    public var description: String {
        let codes =
            extendedCode.rawValue == code.rawValue
            ? "\(code.rawValue)" : "\(code.rawValue)/\(extendedCode.rawValue)"
        return "SQLite error \(codes): \(message)" + (sql.map { " (in: \($0))" } ?? "")
    }
}
