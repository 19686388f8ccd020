import SparkTestSupport
import Testing

/// A replica whose `DATABASE_URL` leads nowhere (needs no server): it must not serve sessions it cannot keep.
@Suite struct PostgresUnreachableTests {
    @Test func aClosedPortStopsTheServiceWithinTheTimeoutNamingTheAddressAndTheCause() async throws {
        let world = ServiceProcessTests.World()
        defer { world.remove() }
        let port = try TestListener().port  // closed again at once: nothing listens there
        let process = try SparkProcess(
            ["serve", "--http", "--port", "0"],
            environment: world.environment(
                try ScriptedModelServer.refusingEndpoint(),
                [
                    "DATABASE_URL": "postgres://spark@127.0.0.1:\(port)/spark?sslmode=disable",
                    "SPARK_DATABASE_TIMEOUT": "2",
                ]))
        // 2 s of retries, then the exit; the 20 s only turn a hang into a failure.
        let exit = try await process.exit(timeout: .seconds(20))
        #expect(exit.status == 2, "stderr: \(exit.stderr)")
        #expect(
            exit.stderr.contains("spark-service: connect to 127.0.0.1:\(port) (PostgreSQL): Connection refused"),
            "stderr: \(exit.stderr)")
        #expect(!exit.stdout.contains("listening on"), "it never listened")
    }

    @Test func anInvalidTimeoutStopsTheService() async throws {
        let world = ServiceProcessTests.World()
        defer { world.remove() }
        let process = try SparkProcess(
            ["serve", "--http", "--port", "0"],
            environment: world.environment(
                try ScriptedModelServer.refusingEndpoint(),
                ["DATABASE_URL": "postgres://spark@127.0.0.1:1/spark", "SPARK_DATABASE_TIMEOUT": "soon"]))
        let exit = try await process.exit(timeout: .seconds(20))
        #expect(exit.status == 2, "stderr: \(exit.stderr)")
        #expect(exit.stderr.contains("SPARK_DATABASE_TIMEOUT"), "stderr: \(exit.stderr)")
    }
}
