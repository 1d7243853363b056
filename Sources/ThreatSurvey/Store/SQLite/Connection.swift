import CSQLite

/// `SQLITE_TRANSIENT`: SQLite copies bound text and blobs (the C macro is not importable).
let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// One SQLite connection, owned by one thread of control.
///
/// Not `Sendable`: a connection is used from one place at a time, and the compiler holds
/// every caller to it. It is closed when released.
package final class Connection {
    let handle: OpaquePointer
    /// Virtual-machine instructions run by this connection's finished or re-bound statements:
    /// what a command cost SQLite, independent of the machine's load (tests compare it on a
    /// small and a large store).
    public internal(set) var virtualMachineSteps = 0

    /// Opens (creating if needed) the database at `path`.
    ///
    /// - Parameters:
    ///   - path: the database file.
    ///   - readOnly: open for reading only.
    ///   - immutable: open read-only with SQLite's `immutable` URI parameter, for a
    ///     file nobody can be writing (in a read-only folder SQLite could not create the
    ///     `-shm` file a WAL database otherwise needs).
    /// - Throws: ``SQLiteError`` when the file cannot be opened.
    public init(path: String, readOnly: Bool = false, immutable: Bool = false) throws(SQLiteError) {
        var db: OpaquePointer?
        var flags =
            (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            | SQLITE_OPEN_NOMUTEX
        var name = path
        if immutable {
            flags |= SQLITE_OPEN_URI
            var escaped = ""
            for scalar in path.unicodeScalars {
                switch scalar {
                case "%": escaped += "%25"
                case "?": escaped += "%3f"
                case "#": escaped += "%23"
                default: escaped.unicodeScalars.append(scalar)
                }
            }
            name = "file:" + escaped + "?immutable=1"
        }
        let rc = sqlite3_open_v2(name, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: rc, message: message, sql: nil)
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        if rc != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(message)
            throw SQLiteError(code: rc, message: text, sql: sql)
        }
    }

    /// Prepares a statement for repeated use.
    public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        try Statement(connection: self, sql: sql)
    }

    /// Runs `sql` once with `values` bound, returning nothing.
    public func run(_ sql: String, _ values: [SQLValue] = []) throws(SQLiteError) {
        let statement = try prepare(sql)
        try statement.bind(values)
        while try statement.step() {}
    }

    /// Runs a query and maps every row.
    public func query<T>(
        _ sql: String, _ values: [SQLValue] = [], row: (Statement) throws(SQLiteError) -> T
    ) throws(SQLiteError) -> [T] {
        let statement = try prepare(sql)
        try statement.bind(values)
        var out: [T] = []
        while try statement.step() { out.append(try row(statement)) }
        return out
    }

    /// Runs `body` in a transaction, committed or rolled back as the body returns.
    ///
    /// Writers start with `BEGIN IMMEDIATE` so that two processes submitting at once
    /// queue on the busy timeout instead of failing at commit with a deadlock. When the body
    /// throws, or `BEGIN` or `COMMIT` fails, the transaction is rolled back and the first
    /// error is rethrown unchanged: an ``SQLiteError`` keeps its result codes (so that
    /// `SQLITE_BUSY` still reads as busy where it is turned into a message), the body's own
    /// errors stay what they were. Untyped for that reason: it rethrows either kind.
    public func transaction(immediate: Bool = true, _ body: () throws -> TransactionCompletion)
        throws
    {
        try execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED")
        let completion: TransactionCompletion
        do {
            completion = try body()
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
        switch completion {
        case .rollback:
            try execute("ROLLBACK")
        case .commit:
            do {
                try execute("COMMIT")
            } catch {
                try? execute("ROLLBACK")
                throw error
            }
        }
    }

    /// The rowid of the last row inserted.
    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Milliseconds to wait on a locked database before failing with ``SQLiteError/ResultCode/busy``.
    public func setBusyTimeout(milliseconds: Int) {
        sqlite3_busy_timeout(handle, Int32(milliseconds))
    }

    var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }
}

@available(*, unavailable)
extension Connection: Sendable {}
