import Logging
import PostgresNIO
import SparkPostgres
import SparkTestSupport
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A new, empty database of its own on the test server (`SPARK_TEST_DATABASE_URL`, which
/// `scripts/postgres/with-server.sh` sets), with stores on it; ``close()`` stops them and drops it.
final class PostgresTestDatabase: Sendable {
    /// The test server, or `nil`: the PostgreSQL tests are skipped.
    static var serverURL: String? { ProcessInfo.processInfo.environment["SPARK_TEST_DATABASE_URL"] }

    /// The database's URL (`DATABASE_URL` for a service on it).
    let url: String
    private let name: String
    private let clients = Mutex<[Task<Void, Never>]>([])

    private init(url: String, name: String) {
        self.url = url
        self.name = name
    }

    /// Creates the database.
    static func create() async throws -> PostgresTestDatabase {
        guard let server = serverURL, var components = URLComponents(string: server) else {
            throw SparkProcess.Failure(description: "SPARK_TEST_DATABASE_URL is not set")
        }
        let name = "spark_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await onServer { try await $0.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)")) }
        components.path = "/" + name
        return PostgresTestDatabase(url: components.string ?? server, name: name)
    }

    /// A store on the database, with a connection pool of its own (running until ``close()``).
    func store(now: @escaping @Sendable () -> Date = { Date() }) throws -> PostgresSessionStore {
        let client = PostgresClient(configuration: try .init(databaseURL: url), backgroundLogger: .silent)
        clients.withLock { $0.append(Task { await client.run() }) }
        return PostgresSessionStore(client: client, logger: .silent, now: now)
    }

    /// Stops every store's pool and drops the database.
    func close() async throws {
        let tasks = clients.withLock { $0 }
        for task in tasks {
            task.cancel()
            await task.value
        }
        try await Self.onServer { try await $0.query(PostgresQuery(unsafeSQL: "DROP DATABASE \(name) WITH (FORCE)")) }
    }

    /// Runs `body` with a client on the server's own database.
    private static func onServer(_ body: @Sendable (PostgresClient) async throws -> Void) async throws {
        guard let server = serverURL else { return }
        let client = PostgresClient(configuration: try .init(databaseURL: server), backgroundLogger: .silent)
        try await withThrowingTaskGroup { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await body(client)
        }
    }
}
