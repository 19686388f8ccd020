import AgentCore
import SparkTestSupport
import Testing

/// The SQLite store keeps the `SessionStorage` contract (the PostgreSQL store runs the same checks).
@Suite struct SessionStoreTests {
    /// Stores on one new SQLite file of their own (the closure keeps the directory until the check ends).
    static func contract(file: String = "sessions.sqlite") throws -> SessionStorageContract {
        let directory = try StorageTestDirectory()
        return SessionStorageContract { now in try SessionStore(path: directory.file(file), now: now) }
    }

    @Test func roundTripsEveryMessageShape() async throws {
        try await Self.contract().roundTripsEveryMessageShape()
    }

    @Test func resumesAfterReopening() async throws {
        // The directories are created on first use.
        try await Self.contract(file: "nested/dirs/sessions.sqlite").resumesInAnotherStore()
    }

    @Test func listsSessionsWithTitlesTimesAndCounts() async throws {
        try await Self.contract().listsSessionsWithTitlesTimesAndCounts()
    }

    @Test func resetEmptiesASessionAndDeleteRemovesIt() async throws {
        try await Self.contract().resetEmptiesASessionAndDeleteRemovesIt()
    }

    @Test func keepsTheOwnerItWasCreatedWith() async throws {
        try await Self.contract().keepsTheOwnerItWasCreatedWith()
    }

    @Test func keepsEveryConcurrentAppendInOrderPerWriter() async throws {
        try await Self.contract().keepsEveryConcurrentAppendInOrderPerWriter()
    }
}
