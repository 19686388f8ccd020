import AgentCore
import PostgresNIO
import SparkTestSupport
import Testing

@testable import SparkPostgres

/// The PostgreSQL store keeps the same `SessionStorage` contract as SQLite's, on a real server.
@Suite(.enabled(if: PostgresTestDatabase.serverURL != nil, "needs SPARK_TEST_DATABASE_URL (make test-postgres)"))
struct PostgresSessionStoreTests {
    /// Runs `check` on a contract whose stores share one new database.
    static func onNewDatabase(_ check: (SessionStorageContract) async throws -> Void) async throws {
        let database = try await PostgresTestDatabase.create()
        do {
            try await check(SessionStorageContract { now in try database.store(now: now) })
        } catch {
            try await database.close()
            throw error
        }
        try await database.close()
    }

    @Test func roundTripsEveryMessageShape() async throws {
        try await Self.onNewDatabase { try await $0.roundTripsEveryMessageShape() }
    }

    @Test func resumesInAnotherStore() async throws {
        try await Self.onNewDatabase { try await $0.resumesInAnotherStore() }
    }

    @Test func listsSessionsWithTitlesTimesAndCounts() async throws {
        try await Self.onNewDatabase { try await $0.listsSessionsWithTitlesTimesAndCounts() }
    }

    @Test func resetEmptiesASessionAndDeleteRemovesIt() async throws {
        try await Self.onNewDatabase { try await $0.resetEmptiesASessionAndDeleteRemovesIt() }
    }

    @Test func keepsTheOwnerItWasCreatedWith() async throws {
        try await Self.onNewDatabase { try await $0.keepsTheOwnerItWasCreatedWith() }
    }

    @Test func keepsEveryConcurrentAppendInOrderPerWriter() async throws {
        try await Self.onNewDatabase { try await $0.keepsEveryConcurrentAppendInOrderPerWriter() }
    }

    @Test func storesStartingTogetherMigrateOnceAndRecordEveryVersion() async throws {
        let database = try await PostgresTestDatabase.create()
        let stores = try (0..<4).map { _ in try database.store() }
        try await withThrowingTaskGroup { group in
            for store in stores { group.addTask { try await store.migrate() } }
            try await group.waitForAll()
        }
        let client = PostgresClient(configuration: try .init(databaseURL: database.url), backgroundLogger: .silent)
        var applied: [Int] = []
        try await withThrowingTaskGroup { group in
            group.addTask { await client.run() }
            for try await version in try await client.query(
                "SELECT version FROM spark_schema_migrations ORDER BY version"
            ).decode(Int.self) {
                applied.append(version)
            }
            group.cancelAll()
        }
        try await database.close()
        #expect(applied == SessionSchema.migrations.map(\.version))
    }

    @Test func aDatabaseNewerThanTheBuildIsRefused() async throws {
        let database = try await PostgresTestDatabase.create()
        let store = try database.store()
        try await store.migrate()
        let client = PostgresClient(configuration: try .init(databaseURL: database.url), backgroundLogger: .silent)
        try await withThrowingTaskGroup { group in
            group.addTask { await client.run() }
            try await client.query("INSERT INTO spark_schema_migrations (version, name) VALUES (99, 'future')")
            group.cancelAll()
        }
        let error = await #expect(throws: PostgresSessionError.self) { try await database.store().messages(session: "s") }
        #expect(error?.message.contains("newer than this build") == true, "\(String(describing: error))")
        try await database.close()
    }
}

/// The same versions and names as SQLite's migrations, and `DATABASE_URL` read as libpq reads it (no server needed).
@Suite struct PostgresSchemaTests {
    @Test func migrationsMirrorSQLiteStepForStep() {
        #expect(PostgresSessionSchema.migrations.map(\.version) == SessionSchema.migrations.map(\.version))
        #expect(PostgresSessionSchema.migrations.map(\.name) == SessionSchema.migrations.map(\.name))
    }

    @Test func databaseURLsAreReadOrRefusedWithTheReason() throws {
        let tcp = try PostgresClient.Configuration(databaseURL: "postgres://ana:p%40ss@db.example:6543/spark?sslmode=disable")
        #expect(tcp.host == "db.example")
        #expect(tcp.port == 6543)
        #expect(tcp.username == "ana")
        #expect(tcp.password == "p@ss")
        #expect(tcp.database == "spark")
        let socket = try PostgresClient.Configuration(databaseURL: "postgresql://ana@/spark?host=/run/postgresql")
        #expect(socket.unixSocketPath == "/run/postgresql/.s.PGSQL.5432")
        #expect(socket.database == "spark")
        for (url, reason) in [
            ("mysql://a@b/c", "not a postgres"), ("postgres:///spark", "no host"),
            ("postgres://a@b/c?sslmode=sometimes", "unknown sslmode"),
        ] {
            let error = #expect(throws: PostgresSessionError.self) { try PostgresClient.Configuration(databaseURL: url) }
            #expect(error?.message.contains(reason) == true, "\(url): \(String(describing: error))")
        }
    }
}
