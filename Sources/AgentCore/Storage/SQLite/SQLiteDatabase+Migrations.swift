extension SQLiteDatabase {
    /// The schema version (`PRAGMA user_version`); 0 for a new database.
    public func userVersion() throws -> Int {
        try query("PRAGMA user_version").first?.int(0) ?? 0
    }

    /// Brings the schema up to the last of `migrations` (or to `target`), applying each missing step in its own
    /// transaction. Safe when several connections migrate the same file at once: each step re-reads the version
    /// under the write lock. Throws ``StorageError/Code/schemaTooNew`` when the file is newer than `migrations`.
    ///
    /// - Returns: the versions before and after.
    @discardableResult
    public func migrate(_ migrations: [SQLiteMigration], upTo target: Int? = nil) throws -> (from: Int, to: Int) {
        precondition(
            migrations.enumerated().allSatisfy { $0.offset + 1 == $0.element.version },
            "migrations must be numbered 1, 2, 3, ... in order")
        let latest = target ?? migrations.count
        let initial = try userVersion()
        guard initial <= migrations.count else {
            throw StorageError(
                code: .schemaTooNew,
                message: "schema version \(initial) is newer than this build supports (\(migrations.count))",
                operation: "migrate", path: path)
        }
        for migration in migrations where migration.version > initial && migration.version <= latest {
            do {
                try transaction {
                    guard try userVersion() < migration.version else { return }
                    try migration.apply(self)
                    try execute("PRAGMA user_version = \(migration.version)")
                }
            } catch {
                let operation = "migrate to version \(migration.version) (\(migration.name))"
                guard var error = error as? StorageError else {
                    throw StorageError(
                        code: .error, message: "\(error)", operation: operation, path: path,
                        underlying: error)
                }
                error.operation = operation
                throw error
            }
        }
        return (initial, max(initial, try userVersion()))
    }
}
