#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Conversation history per session in a SQLite file (the default ``SessionStorage``), with the active agent, so a run resumes after a restart.
///
/// One connection per store, used only from this actor, which runs on a thread of its own (a
/// ``DatabaseExecutor``), never on the cooperative pool. Several stores (or processes) may share a file: writes
/// take SQLite's write lock (`BEGIN IMMEDIATE`, WAL) and wait for it up to the busy timeout.
public actor SessionStore: SessionStorage {
    private let executor: DatabaseExecutor
    private let database: SQLiteDatabase
    private let now: @Sendable () -> Date
    /// The database file.
    public nonisolated let path: String

    /// Opens (creating it and its directory when missing) the sessions database at `path` and brings its
    /// schema up to date. `now` stamps created/updated times.
    public init(path: String, now: @escaping @Sendable () -> Date = { Date() }) throws {
        try DataDirectory.createDirectory(DataDirectory.parent(of: path))
        let database = try SQLiteDatabase(path: path)
        try database.migrate(SessionSchema.migrations)
        self.database = database
        self.path = path
        self.now = now
        // Last, once nothing can throw: a thread started before a throw would never be shut down.
        self.executor = DatabaseExecutor()
    }

    deinit { executor.shutdown() }

    /// The store's own thread.
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// Opens the sessions database (`sessions.sqlite`) of a data directory.
    public init(directory: DataDirectory, now: @escaping @Sendable () -> Date = { Date() }) throws {
        try self.init(path: directory.sessionsDatabase, now: now)
    }

    /// Appends `messages` to the end of `session` (creating it, owned by `owner`) and records `activeAgent` as
    /// the agent the conversation continues with. All or nothing. A session's owner is set when it is created
    /// and never changes.
    public func append(_ messages: [ChatMessage], session: String, activeAgent: String, owner: String?)
        throws
    {
        let time = SQLiteValue(now().timeIntervalSince1970)
        try database.transaction {
            try database.run(
                """
                INSERT INTO sessions (id, active_agent, created_at, updated_at, owner) VALUES (?1, ?2, ?3, ?3, ?4)
                ON CONFLICT (id) DO UPDATE SET active_agent = excluded.active_agent, updated_at = excluded.updated_at
                """, .text(session), .text(activeAgent), time, SQLiteValue(owner))
            var position =
                try database.query(
                    "SELECT coalesce(max(position) + 1, 0) FROM messages WHERE session_id = ?1", .text(session)
                ).first?.int(0) ?? 0
            let insert = try database.prepare(
                """
                INSERT INTO messages (session_id, position, created_at, role, content, content_parts, name,
                    tool_calls, tool_call_id, agent, reasoning_content)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                """)
            for message in messages {
                try insert.run([.text(session), SQLiteValue(position), time] + SessionRow.values(for: message))
                position += 1
            }
            if let title = messages.lazy.compactMap(SessionSummary.title(for:)).first {
                try database.run(
                    "UPDATE sessions SET title = ?1 WHERE id = ?2 AND title IS NULL", .text(title), .text(session))
            }
        }
    }

    /// The messages of `session` in order; empty for an unknown session.
    public func messages(session: String) throws -> [ChatMessage] {
        try database.query(
            "SELECT \(SessionRow.allColumns) FROM messages m WHERE m.session_id = ?1 ORDER BY m.position",
            .text(session)
        ).map { try SessionRow.message(from: $0, offset: 0) }
    }

    /// The agent `session` continues with, or `nil` for an unknown session.
    public func activeAgent(session: String) throws -> String? {
        try database.query("SELECT active_agent FROM sessions WHERE id = ?1", .text(session)).first?[0].stringValue
    }

    /// Whether `session` exists, and who owns it (`nil`: no owner, made without an API key).
    public func owner(session: String) throws -> (exists: Bool, owner: String?) {
        guard let row = try database.query("SELECT owner FROM sessions WHERE id = ?1", .text(session)).first else {
            return (false, nil)
        }
        return (true, row[0].stringValue)
    }

    /// Every session, the most recently updated first.
    public func sessions() throws -> [SessionSummary] {
        try database.query(
            """
            SELECT s.id, s.title, s.created_at, s.updated_at,
                (SELECT count(*) FROM messages m WHERE m.session_id = s.id), s.active_agent, s.owner
            FROM sessions s ORDER BY s.updated_at DESC, s.id
            """
        ).map { row in
            SessionSummary(
                id: try row.string(0), title: row[1].stringValue,
                createdAt: Date(timeIntervalSince1970: try row.double(2)),
                updatedAt: Date(timeIntervalSince1970: try row.double(3)),
                messageCount: try row.int(4), activeAgent: row[5].stringValue, owner: row[6].stringValue)
        }
    }

    /// Forgets the messages, title and active agent of `session`; it stays listed, empty.
    public func reset(session: String) throws {
        let time = SQLiteValue(now().timeIntervalSince1970)
        try database.transaction {
            try database.run("DELETE FROM messages WHERE session_id = ?1", .text(session))
            try database.run(
                "UPDATE sessions SET title = NULL, active_agent = NULL, updated_at = ?2 WHERE id = ?1",
                .text(session), time)
        }
    }

    /// Deletes `session` and its messages.
    public func delete(session: String) throws {
        try database.run("DELETE FROM sessions WHERE id = ?1", .text(session))
    }
}
