import Logging
import PostgresNIO
import ServiceLifecycle

/// The service's PostgreSQL sessions as a service of its service group: runs the connection pool, brings the
/// schema up to date at start-up, and closes the pool at shutdown, after the HTTP server (list it before the
/// server). Before the group starts, ``waitForDatabase()`` makes sure the database answers.
///
/// `timeout` bounds every wait for the database: at start-up, for it to answer and be migrated; later, each call
/// of the store (a database that went away fails the call with the reason instead of holding the request while
/// postgres-nio keeps trying to reconnect, which it does for as long as the database stays away).
///
/// ```swift
/// let sessions = try PostgresSessionService(databaseURL: url, logger: logger)
/// try await sessions.waitForDatabase()
/// let chat = ChatService(..., sessionStorage: sessions.store, ...)
/// try await service.run(services: [sessions])
/// ```
public struct PostgresSessionService: Service {
    /// The pool the store's queries go through.
    public let client: PostgresClient
    /// The sessions, for `ChatService(sessionStorage:)`.
    public let store: PostgresSessionStore
    /// How long start-up and each call of the store wait for the database.
    public let timeout: Duration
    /// Where the database is (`host:port` or a socket's path), for messages.
    public var address: String { url.address }
    private let url: DatabaseURL
    private let logger: Logger

    /// A store on the database `databaseURL` names (see `PostgresClient.Configuration(databaseURL:)`).
    public init(databaseURL: String, timeout: Duration = .seconds(30), logger: Logger) throws(PostgresSessionError) {
        url = try DatabaseURL(databaseURL)
        client = PostgresClient(configuration: try .init(databaseURL: databaseURL), backgroundLogger: logger)
        store = PostgresSessionStore(client: client, logger: logger, timeout: timeout, address: url.address)
        self.timeout = timeout
        self.logger = logger
    }

    /// Returns once one connection to the database could be opened (and was closed again), trying again with a
    /// growing pause for up to ``timeout``.
    /// - Throws: a ``PostgresSessionError`` naming the database's address and why the last attempt failed (the
    ///   server's message, `Connection refused`, ...).
    public func waitForDatabase() async throws(PostgresSessionError) {
        let configuration: PostgresConnection.Configuration
        do {
            configuration = try PostgresConnection.Configuration(url)
        } catch {
            throw PostgresSessionError(operation: "set up TLS for \(url.address)", message: "\(error)")
        }
        let deadline = ContinuousClock.now + timeout
        var pause = Duration.milliseconds(100)
        var attempt = 0
        while true {
            attempt += 1
            let left = deadline - .now
            do {
                let connection = try await withDeadline(left, "connect", address: url.address) { [logger, attempt] in
                    try await PostgresConnection.connect(configuration: configuration, id: attempt, logger: logger)
                }
                try? await connection.close()
                return
            } catch {
                let cause = error as? PostgresSessionError
                let message = cause?.message ?? PostgresSessionError.cause(error)
                guard deadline - .now > pause else {
                    throw PostgresSessionError(
                        operation: "connect to \(url.address)",
                        message: attempt > 1 ? "\(message) (\(attempt) attempts within \(timeout))" : message,
                        sqlState: cause?.sqlState)
                }
                logger.info("PostgreSQL at \(url.address): \(message); trying again")
                try? await Task.sleep(for: pause)  // a retry's back-off, not a synchronisation
                pause = min(pause * 2, .seconds(2))
            }
        }
    }

    public func run() async throws {
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { await client.run() }
            try await withDeadline(timeout, "migrate", address: url.address) { try await store.migrate() }
        }
    }
}
