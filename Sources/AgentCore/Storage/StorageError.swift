import CSQLite

/// An error from the SQLite storage: SQLite's own result code and message, with what was being done and where.
public struct StorageError: Error, Sendable, CustomStringConvertible {
    /// A SQLite result code (primary or extended), or one of SparkLSP's own negative codes.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// The primary code of an extended result code (`SQLITE_IOERR_READ` gives `.ioError`).
        public var primary: Code { rawValue < 0 ? self : Code(rawValue: rawValue & 0xff) }

        public static let error = Code(rawValue: SQLITE_ERROR)
        public static let `internal` = Code(rawValue: SQLITE_INTERNAL)
        public static let permission = Code(rawValue: SQLITE_PERM)
        public static let busy = Code(rawValue: SQLITE_BUSY)
        public static let locked = Code(rawValue: SQLITE_LOCKED)
        public static let readOnly = Code(rawValue: SQLITE_READONLY)
        public static let ioError = Code(rawValue: SQLITE_IOERR)
        public static let corrupt = Code(rawValue: SQLITE_CORRUPT)
        public static let full = Code(rawValue: SQLITE_FULL)
        public static let cantOpen = Code(rawValue: SQLITE_CANTOPEN)
        public static let constraint = Code(rawValue: SQLITE_CONSTRAINT)
        public static let mismatch = Code(rawValue: SQLITE_MISMATCH)
        public static let misuse = Code(rawValue: SQLITE_MISUSE)
        public static let range = Code(rawValue: SQLITE_RANGE)
        public static let notADatabase = Code(rawValue: SQLITE_NOTADB)
        /// A stored value could not be decoded (SparkLSP's own code).
        public static let invalidData = Code(rawValue: -1)
        /// The database's schema version is newer than this build knows (SparkLSP's own code).
        public static let schemaTooNew = Code(rawValue: -2)

        /// `SQLITE_NOTADB (26)`, or the name of SparkLSP's own code.
        public var description: String {
            switch self {
            case .invalidData: return "invalid data"
            case .schemaTooNew: return "schema too new"
            default:
                let name = Self.names[primary.rawValue].map { "SQLITE_\($0)" } ?? "SQLite error"
                return "\(name) (\(rawValue))"
            }
        }

        private static let names: [Int32: String] = [
            SQLITE_ERROR: "ERROR", SQLITE_INTERNAL: "INTERNAL", SQLITE_PERM: "PERM", SQLITE_ABORT: "ABORT",
            SQLITE_BUSY: "BUSY", SQLITE_LOCKED: "LOCKED", SQLITE_NOMEM: "NOMEM", SQLITE_READONLY: "READONLY",
            SQLITE_INTERRUPT: "INTERRUPT", SQLITE_IOERR: "IOERR", SQLITE_CORRUPT: "CORRUPT",
            SQLITE_NOTFOUND: "NOTFOUND", SQLITE_FULL: "FULL", SQLITE_CANTOPEN: "CANTOPEN",
            SQLITE_PROTOCOL: "PROTOCOL", SQLITE_SCHEMA: "SCHEMA", SQLITE_TOOBIG: "TOOBIG",
            SQLITE_CONSTRAINT: "CONSTRAINT", SQLITE_MISMATCH: "MISMATCH", SQLITE_MISUSE: "MISUSE",
            SQLITE_RANGE: "RANGE", SQLITE_NOTADB: "NOTADB",
        ]
    }

    /// SQLite's result code, or one of SparkLSP's own.
    public var code: Code
    /// SQLite's own message (`sqlite3_errmsg`), or SparkLSP's.
    public var message: String
    /// What was being done: "open", "migrate to version 2", or the SQL statement.
    public var operation: String?
    /// The database file.
    public var path: String?
    /// The error behind this one (a file system or decoding error), if any.
    public var underlying: (any Error & Sendable)?

    public init(
        code: Code, message: String, operation: String? = nil, path: String? = nil,
        underlying: (any Error & Sendable)? = nil
    ) {
        self.code = code
        self.message = message
        self.operation = operation
        self.path = path
        self.underlying = underlying
    }

    /// For example `open /data/sessions.sqlite: file is not a database [SQLITE_NOTADB (26)]`.
    public var description: String {
        var text = operation.map { "\($0)" } ?? "SQLite"
        if let path { text += " \(path)" }
        text += ": \(message) [\(code)]"
        if let underlying { text += " (\(underlying))" }
        return text
    }
}
