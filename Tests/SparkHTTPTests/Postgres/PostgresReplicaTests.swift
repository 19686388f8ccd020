import AgentCore
import Glibc
import SparkJSON
import SparkTestSupport
import Testing

/// Two `spark-service` processes on one PostgreSQL database (`DATABASE_URL`), as two replicas behind a load
/// balancer: each continues the other's conversations, and a session stays its key's on both.
@Suite(.enabled(if: PostgresTestDatabase.serverURL != nil, "needs SPARK_TEST_DATABASE_URL (make test-postgres)"))
struct PostgresReplicaTests {
    static let alice = ["Authorization": "Bearer alice-key-0123456789abcdef"]
    static let bob = ["Authorization": "Bearer bob-key-0123456789abcdef00"]

    @Test func twoReplicasContinueEachOthersConversations() async throws {
        let database = try await PostgresTestDatabase.create()
        let world = ServiceProcessTests.World()
        defer { world.remove() }
        let model = try ScriptedModelServer()
        let environment = world.environment(
            model.endpoint,
            [
                "DATABASE_URL": database.url,
                "SPARK_API_KEYS": "alice:alice-key-0123456789abcdef,bob:bob-key-0123456789abcdef00",
            ])
        // Each replica its own data directory: nothing but PostgreSQL is shared.
        var replicaA = environment
        replicaA["SPARK_DATA_DIR"] = world.directory + "/data-a"
        var replicaB = environment
        replicaB["SPARK_DATA_DIR"] = world.directory + "/data-b"
        let (a, portA) = try await ServiceProcessTests.start(replicaA)
        let (b, portB) = try await ServiceProcessTests.start(replicaB)

        model.enqueue(.text("Hello from A."))
        let first = try await HTTPTestClient.post(
            port: portA, "/chat", json: #"{"message": "Hi", "agent_type": "coding"}"#, headers: Self.alice)
        #expect(first.status == 200, "\(first.text)")
        let session = try #require(first.json["session_id"]?.stringValue)

        model.enqueue(.text("B remembers."))
        let second = try await HTTPTestClient.post(
            port: portB, "/chat", json: #"{"message": "Still there?", "session_id": "\#(session)"}"#,
            headers: Self.alice)
        #expect(second.status == 200, "\(second.text)")
        #expect(second.json["agent"] == "coding", "B continues with the agent A left the session with")
        let contents = model.requests.last?.body?["messages"]?.arrayValue?.compactMap { $0["content"]?.stringValue }
        #expect(contents?.suffix(3) == ["Hi", "Hello from A.", "Still there?"])

        let history = try await HTTPTestClient.send(port: portA, "GET", "/sessions/\(session)", headers: Self.alice)
        #expect(history.status == 200, "\(history.text)")
        #expect(history.json["messages"]?.arrayValue?.last?["content"] == "B remembers.")

        // Bob sees nothing of Alice's session on either replica, and reaches no model.
        let requests = model.requests.count
        for port in [portA, portB] {
            #expect(try await HTTPTestClient.send(port: port, "GET", "/sessions/\(session)", headers: Self.bob).status == 404)
            let hijack = try await HTTPTestClient.post(
                port: port, "/chat", json: #"{"message": "Mine now", "session_id": "\#(session)"}"#, headers: Self.bob)
            #expect(hijack.status == 404)
        }
        #expect(model.requests.count == requests)

        // Deleted on B, gone on A.
        #expect(try await HTTPTestClient.send(port: portB, "DELETE", "/sessions/\(session)", headers: Self.alice).status == 200)
        #expect(try await HTTPTestClient.send(port: portA, "GET", "/sessions/\(session)", headers: Self.alice).status == 404)

        for replica in [a, b] {
            replica.send(SIGTERM)
            let exit = try await replica.exit()
            #expect(exit.status == 0, "stderr: \(exit.stderr)")
        }
        try await database.close()
    }
}
