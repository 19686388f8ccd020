import AgentCore
import CodingAgent
import Foundation
import MCPTools
import SparkJSON
import SparkTestSupport
import Synchronization

/// A `ChatService` over the scripted model server whose configuration file names MCP servers, with the real
/// `spark-mcp` helper built beside the tests.
final class MCPClientFixture: Sendable {
    let model: ScriptedModelServer
    let directory: String
    let workspace: String
    let provider: MCPToolProvider
    let service: ChatService
    let events = Mutex<[ChatEvent]>([])
    /// What the provider told the user, in order.
    let problems = AsyncStream.makeStream(of: String.self)

    /// - Parameters:
    ///   - servers: the `mcpServers` object of the configuration file (`nil`: no file).
    ///   - workspaceFiles: files to write in the workspace before start (`.spark/mcp.json`, ...).
    ///   - trusted: workspace files whose current text the user trusts.
    ///   - firstBackOff: how long a failed server waits before its next start (long: withdrawn for the whole test).
    init(
        servers: JSONValue?, workspaceFiles: [String: String] = [:], trusted: [String] = [], outputLimit: Int = 65_536,
        firstBackOff: Duration = .seconds(300)
    ) throws {
        model = try ScriptedModelServer(models: ["m"])
        directory = try MCPTestEnvironment.temporaryDirectory()
        workspace = directory + "/workspace"
        try FileManager.default.createDirectory(atPath: workspace + "/.spark", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: workspace + "/.vscode", withIntermediateDirectories: true)
        for (name, text) in workspaceFiles {
            try text.write(toFile: workspace + "/" + name, atomically: true, encoding: .utf8)
        }
        var environment = ProcessInfo.processInfo.environment
        environment["VLLM_ENDPOINT"] = model.endpoint.baseURL
        environment["SUPERVISOR_MODEL"] = "m"
        environment["CODING_MODEL"] = "m"
        environment["WORKSPACE_DIR"] = workspace
        environment["SPARK_DATA_DIR"] = directory + "/data"
        environment["XDG_DATA_HOME"] = directory + "/user-data"
        environment["SPARK_MODEL_FALLBACK"] = "false"
        let trust = WorkspaceTrust.user(environment: environment)
        for name in trusted {
            let path = workspace + "/" + name
            try trust.trust(workspace: path, configuration: String(contentsOfFile: path, encoding: .utf8))
        }
        var configFile: String?
        if let servers {
            configFile = directory + "/config.json"
            try JSONValue.object(["mcpServers": servers]).serialized().write(
                toFile: configFile!, atomically: true, encoding: .utf8)
        }
        provider = MCPToolProvider(
            helper: BuiltProducts.executable("spark-mcp"), environment: environment, outputLimit: outputLimit,
            firstBackOff: firstBackOff, logger: .silent)
        service = ChatService(
            client: HTTPModelClient(logger: .silent, options: HTTPModelClient.Options(maxRetries: 0)),
            modules: [CodingAgentModule()], configFile: configFile, environment: environment,
            sessionPrefix: "test", toolProviders: [provider], logger: .silent)
    }

    /// Starts recording the provider's problem messages.
    func recordProblems() async {
        await provider.onProblem { [problems] message in problems.continuation.yield(message) }
    }

    /// The next problem message (a hang fails the test).
    func nextProblem() async throws -> String? {
        try await withDeadline(.seconds(60)) { [problems] in
            var iterator = problems.stream.makeAsyncIterator()
            return await iterator.next()
        }
    }

    var surface: ChatSurface { ChatSurface(editor: RecordingWorkspaceEditor(), approval: AllowAllPolicy()) }

    /// One turn that starts with the coding agent.
    func run(_ message: String, approval: any ApprovalPolicy = AllowAllPolicy()) async throws -> ChatTurnResult {
        var surface = self.surface
        surface.approval = approval
        return try await service.run(ChatTurnRequest(message: message, agent: "coding"), on: surface) { [self] event in
            events.withLock { $0.append(event) }
        }
    }

    /// The tool results of the turns so far, by tool name.
    func toolResults(_ name: String) -> [ToolResult] {
        events.withLock { events in
            events.compactMap { event in
                if case .toolResult(_, let call, let result) = event, call.function.name == name { return result }
                return nil
            }
        }
    }

    /// The tool names the model was offered in request `index`.
    func offeredTools(request index: Int) -> [String] {
        guard model.requests.indices.contains(index) else { return [] }
        return (model.requests[index].body?["tools"]?.arrayValue ?? []).compactMap {
            $0["function"]?["name"]?.stringValue
        }
    }

    func close() async {
        await service.shutdown()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
