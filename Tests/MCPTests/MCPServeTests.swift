import Foundation
import SparkJSON
import SparkTestSupport
import Testing

/// `spark-lsp mcp serve` driven by the Python SDK's client as the host (`Resources/host.py`): initialize, list tools,
/// `chat` against the scripted model server (its deltas, and the progress of the MCP tools it calls, as progress),
/// a coding tool, refusals outside the workspace, and approvals as elicitation or the service policy.
@Suite(.enabled(if: MCPTestEnvironment.isAvailable, "SPARK_TEST_MCP_VENV is not set (make test-mcp)"))
struct MCPServeTests {
    @Test func aPythonHostDrivesTheAgentsAndTheCodingTools() async throws {
        let world = try ServeWorld()
        defer { world.remove() }
        world.model.enqueue(.text("hello from the agents", chunks: 3))
        try "remember the milk\n".write(toFile: world.workspace + "/notes.txt", atomically: true, encoding: .utf8)
        try "secret\n".write(toFile: world.directory + "/outside.txt", atomically: true, encoding: .utf8)
        let report = try await world.host("tour")

        #expect(report["server"] == "spark-lsp")
        let tools = report["tools"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(tools.contains("chat") && tools.contains("file_read") && tools.contains("bash"))
        #expect(report["chat"]?["text"] == "hello from the agents")
        #expect(report["chat"]?["structured"]?["session_id"]?.stringValue?.hasPrefix("mcp-") == true)
        #expect(report["progress"]?.arrayValue?.compactMap(\.stringValue).joined() == "hello from the agents")
        #expect(report["read"]?["text"]?.stringValue?.contains("remember the milk") == true)
        #expect(report["outside"]?["isError"] == true)
        #expect(report["outside"]?["text"]?.stringValue?.hasPrefix("refused:") == true)
        #expect(report["escape"]?["text"]?.stringValue?.hasPrefix("refused:") == true)
        // No elicitation in this host: service.approval (deny) decides.
        #expect(report["bash"]?["text"]?.stringValue?.contains("service.approval is deny") == true)
        #expect(report["resources"]?.arrayValue?.count == 1)
    }

    @Test func chatPassesOnTheProgressOfTheMCPToolsItCalls() async throws {
        let world = try ServeWorld(configuration: ["mcpServers": ["fault": MCPTestEnvironment.faultServer()]])
        defer { world.remove() }
        world.model.enqueue(.toolCalls([ScriptedToolCall(name: "fault__count", arguments: ["to": 2])]))
        world.model.enqueue(.text("counted"))
        let report = try await world.host(
            "chat", environment: ["HOST_MESSAGE": "count to two", "HOST_AGENT": "coding"])
        #expect(report["chat"]?["text"] == "counted")
        let progress = report["progress"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(Array(progress.prefix(2)) == ["[fault__count] step 1 (1/2)", "[fault__count] step 2 (2/2)"])
        #expect(progress.dropFirst(2).joined() == "counted")
    }

    @Test(arguments: ["accept", "decline"])
    func approvalsBecomeElicitationRequestsWhenTheHostDeclaresThem(answer: String) async throws {
        let world = try ServeWorld()
        defer { world.remove() }
        let report = try await world.host(answer)
        let asked = report["asked"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(asked.count == 1)
        #expect(asked.first?.contains("bash") == true && asked.first?.contains("echo approved-run") == true)
        let bash = report["bash"]?["text"]?.stringValue ?? ""
        if answer == "accept" {
            #expect(bash.contains("approved-run") && !bash.hasPrefix("refused:"), "\(bash)")
        } else {
            #expect(bash == "refused: the user declined bash", "\(bash)")
        }
    }

    @Test func withoutElicitationTheServicePolicyDecides() async throws {
        let world = try ServeWorld(configuration: ["service": ["approval": "allow"]])
        defer { world.remove() }
        let report = try await world.host("plain")
        #expect(report["asked"]?.arrayValue?.isEmpty == true)
        let bash = report["bash"]?["text"]?.stringValue ?? ""
        #expect(bash.contains("approved-run") && !bash.hasPrefix("refused:"), "\(bash)")
    }
}

/// A workspace, a scripted model, an optional configuration file, and `host.py` running `spark-lsp mcp serve
/// --coding-tools` on them.
private struct ServeWorld {
    let model: ScriptedModelServer
    let directory: String
    let workspace: String
    let configFile: String?

    init(configuration: JSONValue? = nil) throws {
        model = try ScriptedModelServer(models: ["m"])
        directory = try MCPTestEnvironment.temporaryDirectory()
        workspace = directory + "/workspace"
        try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
        if let configuration {
            configFile = directory + "/config.json"
            try configuration.serialized().write(toFile: directory + "/config.json", atomically: true, encoding: .utf8)
        } else {
            configFile = nil
        }
    }

    /// Runs `host.py scenario` against `spark-lsp mcp serve` and returns its report.
    func host(_ scenario: String, environment extra: [String: String] = [:]) async throws -> JSONValue {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: MCPTestEnvironment.python)
        process.arguments =
            [
                MCPTestEnvironment.resource("host.py"), scenario, workspace, BuiltProducts.executable("spark-lsp"),
                "mcp", "serve", "--workspace", workspace, "--coding-tools",
            ] + (configFile.map { ["--config", $0] } ?? [])
        var environment = ProcessInfo.processInfo.environment
        environment["VLLM_ENDPOINT"] = model.endpoint.baseURL
        environment["SUPERVISOR_MODEL"] = "m"
        environment["CODING_MODEL"] = "m"
        environment["SPARK_DATA_DIR"] = directory + "/data"
        environment["XDG_DATA_HOME"] = directory + "/user-data"
        environment["SPARK_MODEL_FALLBACK"] = "false"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = try await withDeadline(.seconds(180)) {
            await DetachedThread.run { output.fileHandleForReading.readDataToEndOfFile() }
        }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try JSONValue(parsing: data)
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
}
