import Testing

@testable import AgentCore

@Suite struct StorageErrorTests {
    @Test func aPathThatCannotBeCreatedNamesThePath() throws {
        let directory = try StorageTestDirectory()
        try directory.write(Array("a file".utf8), to: "plain")
        let path = directory.file("plain/sub/sessions.sqlite")
        let error = #expect(throws: StorageError.self) { try SessionStore(path: path) }
        #expect(error?.code == .cantOpen)
        #expect(error?.description.contains(directory.file("plain/sub")) == true)
    }

    @Test func aDirectoryIsNotADatabaseFile() throws {
        let directory = try StorageTestDirectory()
        let error = #expect(throws: StorageError.self) { try SQLiteDatabase(path: directory.path) }
        #expect(error?.code.primary == .cantOpen)
        #expect(error?.operation == "open")
        #expect(error?.description.contains("unable to open database file") == true)
        #expect(error?.description.contains(directory.path) == true)
    }

    @Test func aCorruptFileIsReportedAsNotADatabase() throws {
        let directory = try StorageTestDirectory()
        try directory.write((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }, to: "corrupt.sqlite")
        let path = directory.file("corrupt.sqlite")
        let error = #expect(throws: StorageError.self) { try SessionStore(path: path) }
        #expect(error?.code == .notADatabase)
        #expect(error?.description == "open \(path): file is not a database [SQLITE_NOTADB (26)]")
    }

    @Test func aReadOnlyDatabaseCannotBeWritten() throws {
        let directory = try StorageTestDirectory()
        let path = directory.file("ro.sqlite")
        try SQLiteDatabase(path: path).execute("CREATE TABLE t (v)")
        let database = try SQLiteDatabase(path: path, mode: .readOnly)
        let error = #expect(throws: StorageError.self) { try database.run("INSERT INTO t VALUES (1)") }
        #expect(error?.code.primary == .readOnly)
    }

    @Test func undecodableStoredDataIsInvalidData() async throws {
        let directory = try StorageTestDirectory()
        let path = directory.file("s.sqlite")
        let store = try SessionStore(path: path)
        try await store.append([.user("hi")], session: "s", activeAgent: "a")
        try SQLiteDatabase(path: path).run("UPDATE messages SET tool_calls = ?1", "[{not json")
        let error = await #expect(throws: StorageError.self) { try await store.messages(session: "s") }
        #expect(error?.code == .invalidData)
        #expect(error?.message.contains("tool_calls") == true)
    }

    @Test func aNewerSchemaIsRefused() throws {
        let directory = try StorageTestDirectory()
        let path = directory.file("future.sqlite")
        try SQLiteDatabase(path: path).execute("PRAGMA user_version = 99")
        let error = #expect(throws: StorageError.self) { try SessionStore(path: path) }
        #expect(error?.code == .schemaTooNew)
    }
}
