import Logging
import PostgresNIO
import ServiceLifecycle

/// The service's PostgreSQL sessions as a service of its service group: runs the connection pool, brings the
/// schema up to date at start-up (a database that cannot be reached or migrated within `startupTimeout` stops the
/// service with the reason), and closes the pool at shutdown, after the HTTP server (list it before the server).
///
/// ```swift
/// let sessions = try PostgresSessionService(databaseURL: url, logger: logger)
/// let chat = ChatService(..., sessionStorage: sessions.store, ...)
/// try await service.run(services: [sessions])
/// ```
public struct PostgresSessionService: Service {
    /// The pool the store's queries go through.
    public let client: PostgresClient
    /// The sessions, for `ChatService(sessionStorage:)`.
    public let store: PostgresSessionStore
    /// How long start-up waits for the database (postgres-nio itself gives up on a server it cannot reach only
    /// after a minute).
    public let startupTimeout: Duration

    /// A store on the database `databaseURL` names (see `PostgresClient.Configuration(databaseURL:)`).
    public init(databaseURL: String, startupTimeout: Duration = .seconds(30), logger: Logger)
        throws(PostgresSessionError)
    {
        client = PostgresClient(configuration: try .init(databaseURL: databaseURL), backgroundLogger: logger)
        store = PostgresSessionStore(client: client, logger: logger)
        self.startupTimeout = startupTimeout
    }

    public func run() async throws {
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { await client.run() }
            try await migrateWithinTimeout()
        }
    }

    private func migrateWithinTimeout() async throws {
        try await withThrowingTaskGroup(of: Bool.self) { race in
            race.addTask { [store] in
                try await store.migrate()
                return true
            }
            race.addTask { [startupTimeout] in
                try await Task.sleep(for: startupTimeout)
                return false
            }
            defer { race.cancelAll() }
            guard try await race.next() == true else {
                throw PostgresSessionError(
                    operation: "connect", message: "the database did not answer within \(startupTimeout)")
            }
        }
    }
}
