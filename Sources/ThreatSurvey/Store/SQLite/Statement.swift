import CSQLite

/// A prepared SQLite statement, finalized when released.
package final class Statement {
    private let handle: OpaquePointer
    private let connection: Connection
    private let sql: String
    /// Column names to indices, built on the first read by name.
    private var columns: [String: Int32]?

    init(connection: Connection, sql: String) throws(SQLiteError) {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(connection.handle, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else {
            throw SQLiteError(code: rc, message: connection.lastMessage, sql: sql)
        }
        self.handle = statement
        self.connection = connection
        self.sql = sql
    }

    deinit {
        settleSteps()
        sqlite3_finalize(handle)
    }

    /// How many virtual-machine instructions the statement has run since it was last bound:
    /// a measure of work that, unlike time, does not depend on the machine's load, so a
    /// test can assert that a query costs the same on a small store as on a large one.
    public var virtualMachineSteps: Int {
        Int(sqlite3_stmt_status(handle, SQLITE_STMTSTATUS_VM_STEP, 0))
    }

    /// Adds the steps run since the last bind to the connection's total, and restarts the count.
    private func settleSteps() {
        connection.virtualMachineSteps += Int(
            sqlite3_stmt_status(handle, SQLITE_STMTSTATUS_VM_STEP, 1))
    }

    /// Binds `values` to the parameters in order, after resetting the statement (and so
    /// ending any read in progress).
    public func bind(_ values: [SQLValue]) throws(SQLiteError) {
        settleSteps()
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
    }

    /// Binds one parameter (1-based) without touching the others: for bulk inserts that
    /// change a few columns per row.
    public func bind(_ value: SQLValue, at index: Int32) throws(SQLiteError) {
        let rc: Int32
        switch value {
        case .null: rc = sqlite3_bind_null(handle, index)
        case .integer(let v): rc = sqlite3_bind_int64(handle, index, v)
        case .real(let v): rc = sqlite3_bind_double(handle, index, v)
        case .text(let v):
            // Bound with its length, not as a C string: a U+0000 inside is kept, not a cut.
            var text = v
            rc = text.withUTF8 { utf8 in
                guard let base = utf8.baseAddress, !utf8.isEmpty else {
                    return sqlite3_bind_text(handle, index, "", 0, sqliteTransient)
                }
                return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                    sqlite3_bind_text64(
                        handle, index, $0, sqlite3_uint64(utf8.count), sqliteTransient,
                        UInt8(SQLITE_UTF8))
                }
            }
        case .blob(let v):
            rc = v.withUnsafeBytes { raw in
                sqlite3_bind_blob64(
                    handle, index, raw.baseAddress, sqlite3_uint64(raw.count), sqliteTransient)
            }
        }
        if rc != SQLITE_OK { throw failure(rc) }
    }

    /// Runs to completion with the current bindings, then resets (bindings kept).
    public func run() throws(SQLiteError) {
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    /// Advances to the next row; `false` when done.
    public func step() throws(SQLiteError) -> Bool {
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        throw failure(rc)
    }

    /// Binds, runs to completion, and resets: for inserts in a loop.
    public func execute(_ values: [SQLValue]) throws(SQLiteError) {
        try bind(values)
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    /// Column `i` as an integer (0 for NULL).
    public func int(_ i: Int32) -> Int64 { sqlite3_column_int64(handle, i) }
    /// Column `i` as a double.
    public func double(_ i: Int32) -> Double { sqlite3_column_double(handle, i) }
    /// Whether column `i` is NULL.
    public func isNull(_ i: Int32) -> Bool { sqlite3_column_type(handle, i) == SQLITE_NULL }
    /// Column `i` as text ("" for NULL).
    public func text(_ i: Int32) -> String {
        guard let p = sqlite3_column_text(handle, i) else { return "" }
        // Read by length, not up to the first NUL: text holding U+0000 comes back whole.
        let count = Int(sqlite3_column_bytes(handle, i))
        return String(decoding: UnsafeBufferPointer(start: p, count: count), as: UTF8.self)
    }
    /// Column `i` as text, or `nil` for NULL.
    public func optionalText(_ i: Int32) -> String? { isNull(i) ? nil : text(i) }
    /// Column `i` as an integer, or `nil` for NULL.
    public func optionalInt(_ i: Int32) -> Int? { isNull(i) ? nil : Int(int(i)) }
    /// Column `i` as bytes.
    public func blob(_ i: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, i))
        guard count > 0, let p = sqlite3_column_blob(handle, i) else { return [] }
        return Array(UnsafeRawBufferPointer(start: p, count: count))
    }

    /// The index of the result column called `name` (as the query names it: the column, or
    /// its `AS` alias); -1, which reads as NULL, when there is none.
    ///
    /// Rows are read by name so that a query's column order can change without shifting
    /// every value into the wrong field.
    public func column(_ name: String) -> Int32 {
        if let columns { return columns[name] ?? -1 }
        var map: [String: Int32] = [:]
        for i in 0..<sqlite3_column_count(handle) {
            if let p = sqlite3_column_name(handle, i) {
                map[String(cString: p)] = map[String(cString: p)] ?? i
            }
        }
        columns = map
        return map[name] ?? -1
    }

    /// Column `name` as an integer (0 for NULL or no such column).
    public func int(_ name: String) -> Int64 { named(name, 0, int) }
    /// Column `name` as a double (0 for NULL or no such column).
    public func double(_ name: String) -> Double { named(name, 0, double) }
    /// Column `name` as text ("" for NULL or no such column).
    public func text(_ name: String) -> String { named(name, "", text) }
    /// Whether column `name` is NULL (or absent).
    public func isNull(_ name: String) -> Bool { named(name, true, isNull) }
    /// Column `name` as text, or `nil` for NULL.
    public func optionalText(_ name: String) -> String? { named(name, nil, optionalText) }
    /// Column `name` as an integer, or `nil` for NULL.
    public func optionalInt(_ name: String) -> Int? { named(name, nil, optionalInt) }
    /// Column `name` as bytes.
    public func blob(_ name: String) -> [UInt8] { named(name, [], blob) }

    /// `read` of column `name`, or `absent` when the query has no such column (SQLite's
    /// readers are undefined for an index out of range).
    private func named<T>(_ name: String, _ absent: T, _ read: (Int32) -> T) -> T {
        let i = column(name)
        return i < 0 ? absent : read(i)
    }

    private func failure(_ rc: Int32) -> SQLiteError {
        SQLiteError(code: rc, message: connection.lastMessage, sql: sql)
    }
}

@available(*, unavailable)
extension Statement: Sendable {}
