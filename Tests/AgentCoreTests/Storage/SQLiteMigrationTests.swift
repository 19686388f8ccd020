import AgentCore
import Testing

@Suite struct SQLiteMigrationTests {
    static let migrations = [
        SQLiteMigration(version: 1, name: "notes", sql: "CREATE TABLE notes (text TEXT NOT NULL)"),
        SQLiteMigration(version: 2, name: "note times") { database in
            try database.execute("ALTER TABLE notes ADD COLUMN created REAL")
            try database.run("UPDATE notes SET created = ?1", 100.0)
        },
    ]

    @Test func appliesEveryStepToANewDatabase() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        let result = try database.migrate(Self.migrations)
        #expect(result.from == 0 && result.to == 2)
        #expect(try database.userVersion() == 2)
        try database.run("INSERT INTO notes (text, created) VALUES (?1, ?2)", "a", 1.0)
    }

    @Test func upgradesAnOlderSchemaAndKeepsItsData() throws {
        let directory = try StorageTestDirectory()
        let path = directory.file("old.sqlite")
        do {
            let old = try SQLiteDatabase(path: path)
            try old.migrate(Self.migrations, upTo: 1)
            try old.run("INSERT INTO notes (text) VALUES (?1)", "kept")
            #expect(try old.userVersion() == 1)
        }
        let database = try SQLiteDatabase(path: path)
        let result = try database.migrate(Self.migrations)
        #expect(result.from == 1 && result.to == 2)
        let row = try #require(try database.query("SELECT text, created FROM notes").first)
        #expect(row.values == ["kept", 100.0])
        let again = try database.migrate(Self.migrations)
        #expect(again.from == 2 && again.to == 2)
    }

    @Test func aFailingStepChangesNothing() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        let broken =
            Self.migrations + [
                SQLiteMigration(version: 3, name: "broken") { database in
                    try database.execute("CREATE TABLE extra (v)")
                    try database.execute("ALTER TABLE missing ADD COLUMN v")
                }
            ]
        let error = #expect(throws: StorageError.self) { try database.migrate(broken) }
        #expect(error?.operation == "migrate to version 3 (broken)")
        #expect(error?.message.contains("no such table: missing") == true)
        #expect(try database.userVersion() == 2)
        #expect(try database.query("SELECT name FROM sqlite_schema WHERE name = 'extra'").isEmpty)
    }

    @Test func refusesASchemaNewerThanItKnows() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("PRAGMA user_version = 9")
        let error = #expect(throws: StorageError.self) { try database.migrate(Self.migrations) }
        #expect(error?.code == .schemaTooNew)
        #expect(error?.message.contains("version 9") == true)
    }
}
