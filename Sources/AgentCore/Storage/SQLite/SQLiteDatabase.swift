import CSQLite

/// A connection to a SQLite database file: WAL journal, busy timeout, foreign keys on, typed statements,
/// transactions, and schema migrations (``migrate(_:)``).
///
/// Not `Sendable`: a connection is used by one owner at a time, typically an actor that stores it
/// (like ``SessionStore``). Its calls block; they are short (small queries and writes), so an actor on the
/// cooperative pool may make them. Long work (bulk imports, vacuum) belongs on a thread of its own.
public final class SQLiteDatabase {
    /// How to open the file.
    public enum Mode: Sendable {
        /// Read and write, creating the file when missing.
        case readWriteCreate
        /// Read and write an existing file.
        case readWrite
        /// Read only.
        case readOnly

        var flags: Int32 {
            switch self {
            case .readWriteCreate: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
            case .readWrite: SQLITE_OPEN_READWRITE
            case .readOnly: SQLITE_OPEN_READONLY
            }
        }
    }

    let handle: OpaquePointer
    /// The database file (`:memory:` for an in-memory database).
    public let path: String

    /// Opens (or creates) the database at `path`, in WAL mode unless `mode` is read-only or the database is in
    /// memory, with `foreign_keys` on and a busy timeout. Throws a ``StorageError`` naming the file when it
    /// cannot be opened or is not a database.
    public init(path: String, mode: Mode = .readWriteCreate, busyTimeout: Duration = .seconds(5)) throws {
        var handle: OpaquePointer?
        let flags = mode.flags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close_v2(handle)
            throw StorageError(code: .init(rawValue: status), message: message, operation: "open", path: path)
        }
        self.handle = handle
        self.path = path
        do {
            let milliseconds =
                busyTimeout.components.seconds * 1000 + busyTimeout.components.attoseconds / 1_000_000_000_000_000
            sqlite3_busy_timeout(handle, Int32(clamping: milliseconds))
            _ = spark_sqlite3_db_config_defensive(handle, 1)
            // The first statements read the file: a corrupt or foreign file fails here, not later.
            try execute("PRAGMA foreign_keys = ON")
            if mode != .readOnly && path != ":memory:" && !path.isEmpty {
                let journal = try query("PRAGMA journal_mode = WAL").first?[0].stringValue
                if journal?.lowercased() != "wal" {
                    throw StorageError(
                        code: .error, message: "WAL journal mode refused (got \(journal ?? "nothing"))",
                        operation: "open", path: path)
                }
                try execute("PRAGMA synchronous = NORMAL")
            } else {
                try execute("SELECT count(*) FROM sqlite_schema")
            }
        } catch var error as StorageError {
            error.operation = "open"
            throw error
        }
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs one or more SQL statements that take no parameters (schema changes, pragmas).
    public func execute(_ sql: String) throws {
        let status = sqlite3_exec(handle, sql, nil, nil, nil)
        guard status == SQLITE_OK else { throw error(status, operation: sql) }
    }

    /// Prepares one statement.
    public func prepare(_ sql: String) throws -> SQLiteStatement {
        try SQLiteStatement(database: self, sql: sql)
    }

    /// Runs one statement with `values` bound to its parameters; returns the number of rows it changed.
    @discardableResult
    public func run(_ sql: String, _ values: SQLiteValue...) throws -> Int {
        try prepare(sql).run(values)
    }

    /// Runs one query with `values` bound to its parameters and returns its rows.
    public func query(_ sql: String, _ values: SQLiteValue...) throws -> [SQLiteRow] {
        try prepare(sql).query(values)
    }

    /// The rowid of the last inserted row.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Whether a transaction is open.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    ///
    /// The outer transaction is `BEGIN IMMEDIATE` (it takes the write lock at once, so two connections never
    /// deadlock upgrading a read); a nested call becomes a savepoint.
    @discardableResult
    public func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        let nested = isInTransaction
        try execute(nested ? "SAVEPOINT spark_nested" : "BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute(nested ? "RELEASE spark_nested" : "COMMIT")
            return result
        } catch {
            if nested {
                try? execute("ROLLBACK TO spark_nested; RELEASE spark_nested")
            } else if isInTransaction {
                try? execute("ROLLBACK")
            }
            throw error
        }
    }

    /// The error SQLite reports for `status` on this connection.
    func error(_ status: Int32, operation: String?) -> StorageError {
        let extended = sqlite3_extended_errcode(handle)
        let code = (extended & 0xff) == (status & 0xff) ? extended : status
        return StorageError(
            code: .init(rawValue: code), message: String(cString: sqlite3_errmsg(handle)), operation: operation,
            path: path)
    }
}
