import AgentCore
import CodingAgent
import Foundation
import Hummingbird
import Logging
import SparkAgents
import SparkHTTP
import SparkTestSupport

/// The HTTP service in this process on 127.0.0.1 (a free port), over the real agents, a private data directory
/// and workspace, and the scripted vLLM server.
final class ServiceHarness: Sendable {
    let model: ScriptedModelServer
    let directory: String
    let port: Int
    let metrics: ServiceMetrics
    private let task: Task<Void, any Error>

    /// Starts the service; `configure` adjusts its settings (keys, limits), `environment` adds variables.
    init(
        model: ScriptedModelServer? = nil, endpoint: ModelEndpoint? = nil, environment: [String: String] = [:],
        configure: (inout ServiceSettings) -> Void = { _ in }
    ) async throws {
        let model = try model ?? ScriptedModelServer()
        self.model = model
        directory =
            FileManager.default.temporaryDirectory.appendingPathComponent("spark-http-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory + "/workspace", withIntermediateDirectories: true)
        var settings = ServiceSettings()
        settings.port = 0
        configure(&settings)
        var variables = [
            "HOME": directory, "VLLM_ENDPOINT": (endpoint ?? model.endpoint).baseURL,
            "SPARK_DATA_DIR": directory + "/data", "WORKSPACE_DIR": directory + "/workspace",
        ]
        variables.merge(environment) { _, new in new }
        let metrics = ServiceMetrics()
        self.metrics = metrics
        let logger = Logger.silent
        let chat = ChatService(
            client: MeteredModelClient(HTTPModelClient(logger: logger), metrics: metrics), modules: AgentModules.all(),
            environment: variables, sessionPrefix: "http", logger: logger)
        let service = HTTPService(
            chat: chat, settings: settings, metrics: metrics,
            editor: { configuration in
                DiskWorkspaceEditor(root: try WorkspaceRoot(path: configuration.workspace))
            }, logger: logger)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let application = service.application { port in continuation.yield(port) }
        task = Task { try await application.run() }
        let bound = try await withDeadline(.seconds(30)) { await ports.first { _ in true } }
        guard let bound, bound > 0 else { throw HTTPTestClient.Failure(description: "the service did not start") }
        port = bound
    }

    func stop() {
        task.cancel()
        try? FileManager.default.removeItem(atPath: directory)
    }

    func post(_ path: String, json: String, headers: [String: String] = [:]) async throws -> HTTPTestClient.Reply {
        try await HTTPTestClient.post(port: port, path, json: json, headers: headers)
    }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> HTTPTestClient.Reply {
        try await HTTPTestClient.send(port: port, "GET", path, headers: headers)
    }

    func send(_ method: String, _ path: String) async throws -> HTTPTestClient.Reply {
        try await HTTPTestClient.send(port: port, method, path)
    }

    func delete(_ path: String, headers: [String: String] = [:]) async throws -> HTTPTestClient.Reply {
        try await HTTPTestClient.send(port: port, "DELETE", path, headers: headers)
    }

    /// Opens `POST /chat/stream` and returns the client once the response head has arrived.
    func openStream(_ json: String, headers: [String: String] = [:]) async throws -> (
        HTTPTestClient, (status: Int, headers: [String: String])
    ) {
        var all = headers
        all["Content-Type"] = "application/json"
        let client = try HTTPTestClient(
            port: port, method: "POST", path: "/chat/stream", headers: all, body: Array(json.utf8))
        let head = try await withDeadline(.seconds(30)) { await client.head.first { _ in true } }
        return (client, head ?? (0, [:]))
    }
}
