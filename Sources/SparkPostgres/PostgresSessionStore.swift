import AgentCore
import Logging
import PostgresNIO

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Sessions in PostgreSQL (`DATABASE_URL`), so several replicas of the service continue each other's
/// conversations: the same schema, migrations and contract as the SQLite ``SessionStore`` of AgentCore.
///
/// The client's connection pool must be running (`client.run()`, or the client as a service of the service
/// group) for any call to go through. The schema is brought up to date by ``migrate()`` (the service does it at
/// start-up) and, at the latest, before the first call.
///
/// Concurrent appends to one session, from any replica, queue on the session's row: the upsert that opens an
/// append locks it until the transaction commits, so positions never collide and each writer's order is kept.
public final class PostgresSessionStore: SessionStorage {
    private let client: PostgresClient
    private let logger: Logger
    private let now: @Sendable () -> Date
    private let migration: MigrationOnce
    private let timeout: Duration
    private let address: String?

    /// A store over `client`; `now` stamps created/updated times. A call that gets no answer within `timeout`
    /// (the database went away: the pool keeps trying to reconnect) fails with a ``PostgresSessionError`` that
    /// names `address`, where the database is.
    public init(
        client: PostgresClient, logger: Logger, timeout: Duration = .seconds(30), address: String? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.client = client
        self.logger = logger
        self.now = now
        self.timeout = timeout
        self.address = address
        self.migration = MigrationOnce(client: client, logger: logger)
    }

    /// Brings the schema up to date (once per store; a failure is retried by the next call).
    public func migrate() async throws {
        try await migration.run()
    }

    public func append(_ messages: [ChatMessage], session: String, activeAgent: String, owner: String?) async throws {
        try await perform("append to session \(session)") {
            let rows = try messages.map(SessionRow.columns(for:))
            let time = self.now().timeIntervalSince1970
            let title = messages.lazy.compactMap(SessionSummary.title(for:)).first
            try await self.client.withTransaction(logger: self.logger) { connection in
                try await connection.query(
                    """
                    INSERT INTO sessions (id, active_agent, created_at, updated_at, owner)
                    VALUES (\(session), \(activeAgent), \(time), \(time), \(owner))
                    ON CONFLICT (id) DO UPDATE SET active_agent = excluded.active_agent,
                        updated_at = excluded.updated_at
                    """, logger: self.logger)
                var position = 0
                for try await next in try await connection.query(
                    "SELECT coalesce(max(position) + 1, 0) FROM messages WHERE session_id = \(session)",
                    logger: self.logger
                ).decode(Int.self) {
                    position = next
                }
                for row in rows {
                    try await connection.query(
                        """
                        INSERT INTO messages (session_id, position, created_at, role, content, content_parts, name,
                            tool_calls, tool_call_id, agent, reasoning_content)
                        VALUES (\(session), \(position), \(time), \(row.role), \(PostgresMessageRow.bytes(row.content)),
                            \(row.contentParts), \(row.name), \(row.toolCalls), \(row.toolCallID), \(row.agent),
                            \(PostgresMessageRow.bytes(row.reasoningContent)))
                        """, logger: self.logger)
                    position += 1
                }
                if let title {
                    try await connection.query(
                        "UPDATE sessions SET title = \(title) WHERE id = \(session) AND title IS NULL",
                        logger: self.logger)
                }
            }
        }
    }

    public func messages(session: String) async throws -> [ChatMessage] {
        try await perform("read session \(session)") {
            var messages: [ChatMessage] = []
            for try await row in try await self.client.query(
                """
                SELECT \(unescaped: PostgresMessageRow.columns) FROM messages m WHERE m.session_id = \(session)
                ORDER BY m.position
                """, logger: self.logger)
            {
                messages.append(try PostgresMessageRow.message(row))
            }
            return messages
        }
    }

    public func activeAgent(session: String) async throws -> String? {
        try await perform("read session \(session)") {
            for try await agent in try await self.client.query(
                "SELECT active_agent FROM sessions WHERE id = \(session)", logger: self.logger
            ).decode(String?.self) {
                return agent
            }
            return nil
        }
    }

    public func owner(session: String) async throws -> (exists: Bool, owner: String?) {
        try await perform("read session \(session)") {
            for try await owner in try await self.client.query(
                "SELECT owner FROM sessions WHERE id = \(session)", logger: self.logger
            ).decode(String?.self) {
                return (true, owner)
            }
            return (false, nil)
        }
    }

    public func sessions() async throws -> [SessionSummary] {
        try await perform("list the sessions") {
            var sessions: [SessionSummary] = []
            for try await (id, title, created, updated, count, agent, owner) in try await self.client.query(
                """
                SELECT s.id, s.title, s.created_at, s.updated_at,
                    (SELECT count(*) FROM messages m WHERE m.session_id = s.id), s.active_agent, s.owner
                FROM sessions s ORDER BY s.updated_at DESC, s.id
                """, logger: self.logger
            ).decode((String, String?, Double, Double, Int, String?, String?).self) {
                sessions.append(
                    SessionSummary(
                        id: id, title: title, createdAt: Date(timeIntervalSince1970: created),
                        updatedAt: Date(timeIntervalSince1970: updated), messageCount: count, activeAgent: agent,
                        owner: owner))
            }
            return sessions
        }
    }

    public func reset(session: String) async throws {
        try await perform("reset session \(session)") {
            let time = self.now().timeIntervalSince1970
            try await self.client.withTransaction(logger: self.logger) { connection in
                try await connection.query("DELETE FROM messages WHERE session_id = \(session)", logger: self.logger)
                try await connection.query(
                    "UPDATE sessions SET title = NULL, active_agent = NULL, updated_at = \(time) WHERE id = \(session)",
                    logger: self.logger)
            }
        }
    }

    public func delete(session: String) async throws {
        try await perform("delete session \(session)") {
            _ = try await self.client.query("DELETE FROM sessions WHERE id = \(session)", logger: self.logger)
        }
    }

    /// Runs `body` once the schema is up to date, all within the store's timeout; its errors become
    /// ``PostgresSessionError``s naming `operation`.
    private func perform<Result: Sendable>(
        _ operation: String, _ body: @escaping @Sendable () async throws -> Result
    ) async throws -> Result {
        do {
            return try await withDeadline(timeout, operation, address: address) {
                try await self.migrate()
                return try await body()
            }
        } catch {
            throw PostgresSessionError(operation: operation, error)
        }
    }
}
