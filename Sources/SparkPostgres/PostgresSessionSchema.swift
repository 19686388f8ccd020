import AgentCore
import Logging
import PostgresNIO

/// The sessions schema on PostgreSQL: the same tables, columns and migrations as SQLite's (`SessionSchema` in
/// AgentCore, version for version), in PostgreSQL's types. Times are seconds since 1970 as `DOUBLE PRECISION`
/// (SQLite's `REAL`); `content` and `reasoning_content` are `BYTEA` holding UTF-8, because PostgreSQL's `TEXT`
/// cannot hold the NUL character a model may send. `spark_schema_migrations` records the versions applied
/// (SQLite's `PRAGMA user_version`).
enum PostgresSessionSchema {
    /// One step: its version and name (those of the SQLite step it mirrors) and what it runs in its transaction.
    struct Migration: Sendable {
        var version: Int
        var name: String
        var apply: @Sendable (PostgresConnection, Logger) async throws -> Void

        init(version: Int, name: String, statements: [String]) {
            self.init(version: version, name: name) { connection, logger in
                for statement in statements { try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger) }
            }
        }

        init(version: Int, name: String, apply: @escaping @Sendable (PostgresConnection, Logger) async throws -> Void) {
            self.version = version
            self.name = name
            self.apply = apply
        }
    }

    static let migrations: [Migration] = [
        Migration(
            version: 1, name: "sessions and messages",
            statements: [
                """
                CREATE TABLE sessions (
                    id TEXT PRIMARY KEY NOT NULL,
                    active_agent TEXT,
                    created_at DOUBLE PRECISION NOT NULL,
                    updated_at DOUBLE PRECISION NOT NULL
                )
                """,
                """
                CREATE TABLE messages (
                    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    role TEXT NOT NULL,
                    content BYTEA,
                    content_parts TEXT,
                    name TEXT,
                    tool_calls TEXT,
                    tool_call_id TEXT,
                    agent TEXT,
                    created_at DOUBLE PRECISION NOT NULL,
                    PRIMARY KEY (session_id, position)
                )
                """,
            ]),
        Migration(version: 2, name: "titles and reasoning") { connection, logger in
            for statement in [
                "ALTER TABLE messages ADD COLUMN reasoning_content BYTEA",
                "ALTER TABLE sessions ADD COLUMN title TEXT",
                "CREATE INDEX sessions_by_update ON sessions(updated_at)",
            ] {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            // Titles from the first user message of existing sessions, as SQLite's step 2 fills them in.
            let rows = try await connection.query(
                """
                SELECT m.session_id, \(unescaped: PostgresMessageRow.columns) FROM messages m
                WHERE m.role = 'user' AND m.position = (
                    SELECT min(position) FROM messages WHERE session_id = m.session_id AND role = 'user')
                """, logger: logger)
            var titles: [(String, String)] = []
            for try await row in rows {
                let (session, message) = try PostgresMessageRow.sessionAndMessage(row)
                if let title = SessionSummary.title(for: message) { titles.append((session, title)) }
            }
            for (session, title) in titles {
                try await connection.query("UPDATE sessions SET title = \(title) WHERE id = \(session)", logger: logger)
            }
        },
        Migration(version: 3, name: "session owners", statements: ["ALTER TABLE sessions ADD COLUMN owner TEXT"]),
    ]

    /// Brings the database's schema up to date in one transaction, under an advisory lock, so replicas that start
    /// together migrate once. Throws when the database is newer than this build.
    static func migrate(_ client: PostgresClient, logger: Logger) async throws {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(advisoryLock))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS spark_schema_migrations (
                    version INTEGER PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
                )
                """, logger: logger)
            var current = 0
            for try await version in try await connection.query(
                "SELECT coalesce(max(version), 0) FROM spark_schema_migrations", logger: logger
            ).decode(Int.self) {
                current = version
            }
            guard current <= migrations.count else {
                throw PostgresSessionError(
                    operation: "migrate",
                    message: "schema version \(current) is newer than this build supports (\(migrations.count))")
            }
            for migration in migrations where migration.version > current {
                do {
                    try await migration.apply(connection, logger)
                    try await connection.query(
                        "INSERT INTO spark_schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))",
                        logger: logger)
                } catch {
                    throw PostgresSessionError(
                        operation: "migrate to version \(migration.version) (\(migration.name))", error)
                }
            }
        }
    }

    /// The advisory lock migrations take (any number that no other application of the database uses).
    static let advisoryLock = 0x5350_4152_4b00
}
