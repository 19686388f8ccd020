import AgentCore
import Testing

@Suite struct SQLiteDatabaseTests {
    @Test func storesEveryValueKind() throws {
        let directory = try StorageTestDirectory()
        let database = try SQLiteDatabase(path: directory.file("values.sqlite"))
        try database.execute("CREATE TABLE t (v)")
        let values: [SQLiteValue] = [
            .null, .integer(0), .integer(.max), .integer(.min), .real(-2.5), .real(1e300), .text(""),
            .text("héllo 👋\nworld"), .text("nul\u{0}inside"), .blob([]), .blob([0, 1, 255, 0]),
        ]
        let insert = try database.prepare("INSERT INTO t (v) VALUES (?1)")
        for value in values { try insert.run([value]) }
        let stored = try database.query("SELECT v FROM t ORDER BY rowid").map { $0[0] }
        #expect(stored == values)
    }

    @Test func opensInWALModeWithForeignKeys() throws {
        let directory = try StorageTestDirectory()
        let database = try SQLiteDatabase(path: directory.file("wal.sqlite"))
        #expect(try database.query("PRAGMA journal_mode").first?[0] == "wal")
        #expect(try database.query("PRAGMA foreign_keys").first?[0] == 1)
        try database.execute(
            """
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (parent INTEGER REFERENCES parent(id));
            """)
        #expect(throws: StorageError.self) { try database.run("INSERT INTO child VALUES (?1)", 42) }
    }

    @Test func readsRowsByNameAndType() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        let row = try #require(try database.query("SELECT 7 AS n, 'x' AS s, 1.5 AS d, NULL AS z").first)
        #expect(row["n"] == 7)
        #expect(try row.int(0) == 7)
        #expect(try row.string(1) == "x")
        #expect(try row.double(2) == 1.5)
        #expect(row["z"].isNull)
        let error = #expect(throws: StorageError.self) { try row.string(0) }
        #expect(error?.code == .mismatch)
        #expect(error?.description.contains("column n") == true)
    }

    @Test func rollsBackATransactionThatThrows() throws {
        struct Stop: Error {}
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE t (v INTEGER)")
        #expect(throws: Stop.self) {
            try database.transaction {
                try database.run("INSERT INTO t VALUES (1)")
                throw Stop()
            }
        }
        try database.transaction {
            try database.run("INSERT INTO t VALUES (2)")
            #expect(throws: Stop.self) {
                try database.transaction {
                    try database.run("INSERT INTO t VALUES (3)")
                    throw Stop()
                }
            }
        }
        #expect(try database.query("SELECT v FROM t").map { $0[0] } == [2])
        #expect(!database.isInTransaction)
    }

    @Test func reportsSQLiteMessagesAndCodes() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        let syntax = #expect(throws: StorageError.self) { try database.prepare("SELEC 1") }
        #expect(syntax?.code == .error)
        #expect(syntax?.message.contains("syntax error") == true)
        #expect(syntax?.operation == "SELEC 1")

        try database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)")
        try database.run("INSERT INTO t VALUES (?1)", 1)
        let duplicate = #expect(throws: StorageError.self) { try database.run("INSERT INTO t VALUES (?1)", 1) }
        #expect(duplicate?.code.primary == .constraint)
        #expect(duplicate?.description.contains("SQLITE_CONSTRAINT") == true)

        let count = #expect(throws: StorageError.self) { try database.run("INSERT INTO t VALUES (?1)") }
        #expect(count?.code == .range)
    }

    @Test func twoConnectionsShareAFile() throws {
        let directory = try StorageTestDirectory()
        let path = directory.file("shared.sqlite")
        let writer = try SQLiteDatabase(path: path)
        let reader = try SQLiteDatabase(path: path)
        try writer.execute("CREATE TABLE t (v TEXT)")
        try writer.transaction { try writer.run("INSERT INTO t VALUES (?1)", "seen") }
        #expect(try reader.query("SELECT v FROM t").first?[0] == "seen")
    }
}
