import Foundation
import SparkJSON
import SparkTestSupport
import Testing

/// `spark-lsp mcp serve` driven by the Python SDK's client as the host: initialize, list tools, `chat` against the
/// scripted model server (its deltas as progress), a coding tool, and refusals outside the workspace.
@Suite(.enabled(if: MCPTestEnvironment.isAvailable, "SPARK_TEST_MCP_VENV is not set (make test-mcp)"))
struct MCPServeTests {
    @Test func aPythonHostDrivesTheAgentsAndTheCodingTools() async throws {
        let model = try ScriptedModelServer(models: ["m"])
        model.enqueue(.text("hello from the agents", chunks: 3))
        let directory = try MCPTestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let workspace = directory + "/workspace"
        try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
        try "remember the milk\n".write(toFile: workspace + "/notes.txt", atomically: true, encoding: .utf8)
        try "secret\n".write(toFile: directory + "/outside.txt", atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: MCPTestEnvironment.python)
        process.arguments = [
            MCPTestEnvironment.resource("host.py"), workspace, BuiltProducts.executable("spark-lsp"), "mcp", "serve",
            "--workspace", workspace, "--coding-tools",
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["VLLM_ENDPOINT"] = model.endpoint.baseURL
        environment["SUPERVISOR_MODEL"] = "m"
        environment["CODING_MODEL"] = "m"
        environment["SPARK_DATA_DIR"] = directory + "/data"
        environment["XDG_DATA_HOME"] = directory + "/user-data"
        environment["SPARK_MODEL_FALLBACK"] = "false"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = try await withDeadline(.seconds(180)) {
            await DetachedThread.run { output.fileHandleForReading.readDataToEndOfFile() }
        }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let report = try JSONValue(parsing: data)

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
}
