import AgentCore
import SparkDoctor
import SparkTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The data directory can be written (or made), and every database in it passes `PRAGMA integrity_check`.
/// (A read-only data directory is checked end to end, as another user: root writes anywhere.)
@Suite struct DataCheckTests {
    @Test func aMissingDirectoryUnderAWritableOneIsFine() async throws {
        let server = try ScriptedModelServer()
        let world = try DoctorWorld(endpoint: server.endpoint)
        defer { world.remove() }
        let finding = await world.run("data")[0]
        #expect(finding.verdict == .ok)
        #expect(finding.detail == "\(world.dataDirectory) does not exist yet; it is made on first use")
        #expect(!FileManager.default.fileExists(atPath: world.dataDirectory), "the doctor creates nothing")
        #expect(await world.run("sqlite").map(\.verdict) == [.skipped])
    }

    @Test func aWritableDirectoryPassesAndIsLeftAsItWas() async throws {
        let server = try ScriptedModelServer()
        let world = try DoctorWorld(endpoint: server.endpoint)
        defer { world.remove() }
        try FileManager.default.createDirectory(atPath: world.dataDirectory, withIntermediateDirectories: true)
        #expect(await world.run("data").map(\.verdict) == [.ok])
        #expect(try FileManager.default.contentsOfDirectory(atPath: world.dataDirectory).isEmpty)
    }

    @Test func aFileWhereTheDirectoryShouldBeFails() async throws {
        let server = try ScriptedModelServer()
        var world = try DoctorWorld(endpoint: server.endpoint)
        defer { world.remove() }
        try "x".write(toFile: world.directory + "/file", atomically: true, encoding: .utf8)
        world.environment["SPARK_DATA_DIR"] = world.directory + "/file/data"
        let finding = await world.run("data")[0]
        #expect(finding.verdict == .failure)
        #expect(finding.detail.hasSuffix("is not a directory"), "\(finding.detail)")
        #expect(finding.hint?.contains("SPARK_DATA_DIR") == true)
    }

    @Test func healthyDatabasesPass() async throws {
        let server = try ScriptedModelServer()
        let world = try DoctorWorld(endpoint: server.endpoint)
        defer { world.remove() }
        try DataDirectory(path: world.dataDirectory).create()
        _ = try SessionStore(path: world.dataDirectory + "/sessions.sqlite")
        try Self.database(world.dataDirectory + "/knowledge.sqlite", rows: 10)
        let findings = await world.run("sqlite")
        #expect(findings.map(\.id) == ["sqlite.knowledge", "sqlite.sessions"])
        #expect(findings.allSatisfy { $0.verdict == .ok && $0.detail == "integrity check ok" }, "\(findings)")
    }

    @Test func aCorruptDatabaseFails() async throws {
        let server = try ScriptedModelServer()
        let world = try DoctorWorld(endpoint: server.endpoint)
        defer { world.remove() }
        try DataDirectory(path: world.dataDirectory).create()
        let path = world.dataDirectory + "/sessions.sqlite"
        try Self.database(path, rows: 2000)
        // Scribble over a page in the middle of the table's b-tree; the header stays valid.
        let fd = open(path, O_WRONLY)
        try #require(fd >= 0)
        let garbage = [UInt8](repeating: 0xA5, count: 3000)
        #expect(pwrite(fd, garbage, garbage.count, 4096 * 3 + 100) == garbage.count)
        close(fd)
        try "not a database at all".write(
            toFile: world.dataDirectory + "/other.sqlite", atomically: true, encoding: .utf8)
        let findings = await world.run("sqlite")
        #expect(findings.map(\.id) == ["sqlite.other", "sqlite.sessions"])
        #expect(findings.allSatisfy { $0.verdict == .failure }, "\(findings)")
        #expect(findings.allSatisfy { $0.hint?.contains("move") == true })
    }

    /// A database with a table of `rows` rows, checkpointed into the main file.
    private static func database(_ path: String, rows: Int) throws {
        let database = try SQLiteDatabase(path: path)
        try database.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        try database.transaction {
            for row in 0..<rows {
                _ = try database.run(
                    "INSERT INTO notes (body) VALUES (?)", .text("note \(row) " + String(repeating: "x", count: 200)))
            }
        }
        try database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }
}
