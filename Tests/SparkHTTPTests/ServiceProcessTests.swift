import AgentCore
import Glibc
import SparkJSON
import SparkTestSupport
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The built binary: `spark-lsp serve --http` (which executes `spark-service`), signals, and sessions shared
/// with `spark-lsp chat` through the same data directory.
@Suite struct ServiceProcessTests {
    /// A private directory and the environment of both programs.
    struct World {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spark-svc-\(UUID().uuidString)")
            .path

        func environment(_ endpoint: ModelEndpoint, _ extra: [String: String] = [:]) -> [String: String] {
            [
                "PATH": "/usr/bin:/bin", "HOME": directory, "VLLM_ENDPOINT": endpoint.baseURL,
                "SPARK_DATA_DIR": directory + "/data", "WORKSPACE_DIR": directory + "/workspace",
            ].merging(extra) { _, new in new }
        }

        func remove() { try? FileManager.default.removeItem(atPath: directory) }
    }

    /// Starts `spark-lsp serve --http --port 0` and returns it with its port (from its first stdout line).
    static func start(_ environment: [String: String], _ arguments: [String] = []) async throws -> (SparkProcess, Int) {
        let process = try SparkProcess(["serve", "--http", "--port", "0"] + arguments, environment: environment)
        let line = try await withDeadline(.seconds(60)) { await process.lines.first { $0.contains("listening on") } }
        guard let line, let port = Int(line.split(separator: ":").last ?? "") else {
            throw SparkProcess.Failure(description: "no listening line: \(try await process.exit().stderr)")
        }
        return (process, port)
    }

    @Test func sigtermLetsARunningStreamFinishThenExits() async throws {
        let world = World()
        defer { world.remove() }
        let model = try ScriptedModelServer()
        model.enqueue(.timestamped(chunks: 20, interval: .milliseconds(50)))
        let (process, port) = try await Self.start(world.environment(model.endpoint))
        let stream = try HTTPTestClient(
            port: port, method: "POST", path: "/chat/stream", headers: ["Content-Type": "application/json"],
            body: Array(#"{"message": "count"}"#.utf8))
        var events: [HTTPTestClient.SSEMessage] = []
        for await event in stream.events() {
            if events.isEmpty { process.send(SIGTERM) }
            events.append(event)
        }
        #expect(events.filter { $0.event == "delta" }.count == 20, "the stream ran to its end")
        #expect(events.last?.event == "done")
        #expect(events.last?.data["status"] == "ok")
        let exit = try await process.exit()
        #expect(exit.status == 0, "stderr: \(exit.stderr)")
        #expect(throws: (any Error).self, "no new connection after shutdown") {
            _ = try HTTPTestClient(port: port, method: "GET", path: "/health")
        }
    }

    @Test func sigtermCancelsAStreamThatOutlivesTheGrace() async throws {
        let world = World()
        defer { world.remove() }
        let model = try ScriptedModelServer()
        model.enqueue(.stall(afterChunks: 1))
        let (process, port) = try await Self.start(
            world.environment(model.endpoint, ["SPARK_HTTP_SHUTDOWN_GRACE": "1"]))
        let stream = try HTTPTestClient(
            port: port, method: "POST", path: "/chat/stream", headers: ["Content-Type": "application/json"],
            body: Array(#"{"message": "wait"}"#.utf8))
        var events: [HTTPTestClient.SSEMessage] = []
        for await event in stream.events() {
            if event.event == "delta" { process.send(SIGTERM) }
            events.append(event)
        }
        #expect(await model.waitForDisconnect(), "the model's stream was aborted")
        #expect(events.last?.event == "done")
        #expect(events.last?.data["status"] == "cancelled")
        let exit = try await process.exit()
        #expect(exit.status == 0, "stderr: \(exit.stderr)")
    }

    @Test func refusesToListenBeyondLoopbackWithoutKeys() async throws {
        let world = World()
        defer { world.remove() }
        let process = try SparkProcess(
            ["serve", "--http", "--host", "0.0.0.0", "--port", "0"],
            environment: world.environment(try ScriptedModelServer.refusingEndpoint()))
        let exit = try await process.exit()
        #expect(exit.status == 2)
        #expect(exit.stderr.contains("SPARK_API_KEYS"), "stderr: \(exit.stderr)")
    }

    @Test func sessionsAreSharedWithTheCommandLine() async throws {
        let world = World()
        defer { world.remove() }
        let model = try ScriptedModelServer()
        let environment = world.environment(model.endpoint)
        model.enqueue(.text("From the command line."))
        let chat = try await SparkProcess(["chat", "--session", "shared", "Hello"], environment: environment).exit()
        #expect(chat.status == 0, "stderr: \(chat.stderr)")

        let (process, port) = try await Self.start(environment)
        let history = try await HTTPTestClient.send(port: port, "GET", "/sessions/shared")
        #expect(history.status == 200, "\(history.text)")
        #expect(history.json["messages"]?.arrayValue?.last?["content"] == "From the command line.")
        model.enqueue(.text("From the service."))
        let reply = try await HTTPTestClient.post(
            port: port, "/chat", json: #"{"message": "Again", "session_id": "shared"}"#)
        #expect(reply.status == 200, "\(reply.text)")
        process.send(SIGTERM)
        #expect(try await process.exit().status == 0)

        model.enqueue(.text("Back on the command line."))
        let again = try await SparkProcess(["chat", "--session", "shared", "Third"], environment: environment).exit()
        #expect(again.status == 0, "stderr: \(again.stderr)")
        let contents = model.requests.last?.body?["messages"]?.arrayValue?.compactMap { $0["content"]?.stringValue }
        #expect(contents?.suffix(5) == ["Hello", "From the command line.", "Again", "From the service.", "Third"])
    }

    /// The language server's binary carries none of the service's code, so its start-up and memory are unchanged:
    /// the service lives in `spark-service`.
    @Test func theLanguageServerLinksNoneOfTheService() throws {
        let binary = try Data(contentsOf: URL(fileURLWithPath: SparkProcess.binaryPath))
        for module in ["HummingbirdCore", "NIOPosix", "SparkHTTP", "ServiceLifecycle"] {
            #expect(!Self.contains(binary, module), "spark-lsp contains \(module)")
        }
        let service = try Data(contentsOf: URL(fileURLWithPath: BuiltProducts.executable("spark-service")))
        #expect(Self.contains(service, "HummingbirdCore"), "the check can see a linked module")
    }

    private static func contains(_ data: Data, _ text: String) -> Bool {
        let needle = Array(text.utf8)
        return data.withUnsafeBytes { haystack in
            guard let base = haystack.baseAddress else { return false }
            var offset = 0
            while offset + needle.count <= haystack.count {
                guard let hit = memchr(base + offset, Int32(needle[0]), haystack.count - offset - needle.count + 1)
                else {
                    return false
                }
                if memcmp(hit, needle, needle.count) == 0 { return true }
                offset = base.distance(to: UnsafeRawPointer(hit)) + 1
            }
            return false
        }
    }
}
