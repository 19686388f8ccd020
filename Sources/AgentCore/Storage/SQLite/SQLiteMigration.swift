/// One step of a database schema: migrations run in order of `version`, each in its own transaction, and the
/// database's `PRAGMA user_version` records the last one applied.
public struct SQLiteMigration: Sendable {
    /// The schema version this step produces: 1, 2, 3, ... without gaps.
    public var version: Int
    /// What it does, for logs and errors.
    public var name: String
    /// Applies the step; runs inside a transaction.
    public var apply: @Sendable (SQLiteDatabase) throws -> Void

    public init(version: Int, name: String, apply: @escaping @Sendable (SQLiteDatabase) throws -> Void) {
        self.version = version
        self.name = name
        self.apply = apply
    }

    /// A step that runs SQL statements.
    public init(version: Int, name: String, sql: String) {
        self.init(version: version, name: name) { try $0.execute(sql) }
    }
}
