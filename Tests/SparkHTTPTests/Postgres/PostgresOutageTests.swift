import Glibc
import SparkTestSupport
import Testing

/// A database that goes away while the service runs: requests that need sessions get a clear 503, not a hang.
@Suite(.enabled(if: PostgresTestDatabase.serverURL != nil, "needs SPARK_TEST_DATABASE_URL (make test-postgres)"))
struct PostgresOutageTests {
    @Test func aDatabaseThatGoesAwayTurnsRequestsInto503() async throws {
        let database = try await PostgresTestDatabase.create()
        let world = ServiceProcessTests.World()
        defer { world.remove() }
        let model = try ScriptedModelServer()
        let (service, port) = try await ServiceProcessTests.start(
            world.environment(model.endpoint, ["DATABASE_URL": database.url, "SPARK_DATABASE_TIMEOUT": "2"]))
        #expect(try await HTTPTestClient.send(port: port, "GET", "/sessions").status == 200)

        // Dropped (its connections ended): postgres-nio's pool keeps trying to reconnect.
        try await database.close()
        // 2 s of waiting for the database, then the answer; the 30 s only turn a hang into a failure.
        let answer = try await withDeadline(.seconds(30)) {
            try await HTTPTestClient.send(port: port, "GET", "/sessions")
        }
        #expect(answer.status == 503, "\(answer.text)")
        #expect(answer.json["error"]?["code"] == "storage", "\(answer.text)")
        #expect(answer.text.contains("PostgreSQL"), "\(answer.text)")

        service.send(SIGTERM)
        let exit = try await service.exit()
        #expect(exit.status == 0, "stderr: \(exit.stderr)")
    }
}
