import CSQLite

/// A prepared statement of a ``SQLiteDatabase``: bind typed values, step through rows.
///
/// Not `Sendable`: it belongs to the database's owner (an actor) like the database itself.
public final class SQLiteStatement {
    private let handle: OpaquePointer
    /// Keeps the connection open while the statement lives.
    private let database: SQLiteDatabase
    /// The SQL text, for error messages.
    public let sql: String
    /// The result column names.
    public let columns: [String]

    init(database: SQLiteDatabase, sql: String) throws {
        var handle: OpaquePointer?
        let status = sqlite3_prepare_v3(database.handle, sql, -1, 0, &handle, nil)
        guard status == SQLITE_OK, let handle else {
            if let handle { sqlite3_finalize(handle) }
            throw database.error(status, operation: sql)
        }
        self.handle = handle
        self.database = database
        self.sql = sql
        self.columns = (0..<sqlite3_column_count(handle)).map { String(cString: sqlite3_column_name(handle, $0)) }
    }

    deinit { sqlite3_finalize(handle) }

    /// Resets the statement and binds `values` to its parameters `?1`, `?2`, ... in order.
    public func bind(_ values: [SQLiteValue]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard values.count == expected else {
            throw StorageError(
                code: .range, message: "\(values.count) values bound to \(expected) parameters", operation: sql,
                path: database.path)
        }
        for (offset, value) in values.enumerated() {
            let status = bind(value, at: Int32(offset + 1))
            guard status == SQLITE_OK else { throw database.error(status, operation: sql) }
        }
    }

    private func bind(_ value: SQLiteValue, at index: Int32) -> Int32 {
        switch value {
        case .null: return sqlite3_bind_null(handle, index)
        case .integer(let value): return sqlite3_bind_int64(handle, index, value)
        case .real(let value): return sqlite3_bind_double(handle, index, value)
        case .text(let value):
            // Bound with its byte count, so text with NUL characters round-trips.
            var value = value
            return value.withUTF8 { bytes in
                guard let base = bytes.baseAddress, bytes.count > 0 else {
                    return sqlite3_bind_text(handle, index, "", 0, spark_sqlite3_transient())
                }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite3_bind_text(handle, index, $0, Int32(bytes.count), spark_sqlite3_transient())
                }
            }
        case .blob(let value):
            return value.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress, bytes.count > 0 else {
                    return sqlite3_bind_zeroblob(handle, index, 0)
                }
                return sqlite3_bind_blob(handle, index, base, Int32(bytes.count), spark_sqlite3_transient())
            }
        }
    }

    /// Advances to the next row: `true` when there is one (read it with ``row()``), `false` when done.
    public func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let status: throw database.error(status, operation: sql)
        }
    }

    /// The current row's values.
    public func row() -> SQLiteRow {
        SQLiteRow(values: (0..<Int32(columns.count)).map(value(at:)), columns: columns)
    }

    private func value(at index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard let text = sqlite3_column_text(handle, index) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard let bytes = sqlite3_column_blob(handle, index), count > 0 else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }

    /// Binds `values`, runs the statement to its end and returns the number of rows it changed.
    @discardableResult
    public func run(_ values: [SQLiteValue] = []) throws -> Int {
        try bind(values)
        while try step() {}
        return Int(sqlite3_changes(database.handle))
    }

    /// Binds `values` and returns every result row.
    public func query(_ values: [SQLiteValue] = []) throws -> [SQLiteRow] {
        try bind(values)
        var rows: [SQLiteRow] = []
        while try step() { rows.append(row()) }
        return rows
    }
}
