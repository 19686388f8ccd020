import AgentCore
import SparkTestSupport
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `spark-lsp chat` in a workspace whose own `.spark/config.json` sets an API key: ignored (and said so)
/// until `--trust`, which is remembered in the user's data directory.
@Suite struct ChatTrustTests {
    @Test func aWorkspaceAPIKeyIsIgnoredUntilTrusted() async throws {
        let environment = try ChatEnvironment()
        defer { environment.remove() }
        let workspace = environment.directory + "/ws"
        try FileManager.default.createDirectory(atPath: workspace + "/.spark", withIntermediateDirectories: true)
        try Data(#"{"apiKey": "workspace-key"}"#.utf8).write(
            to: URL(fileURLWithPath: workspace + "/.spark/config.json"))
        let server = try ScriptedModelServer()
        var variables = environment.variables(endpoint: server.endpoint)
        variables["WORKSPACE_DIR"] = workspace

        server.enqueue(.text("one"))
        let ignored = try await SparkProcess(["chat", "hi"], environment: variables).exit()
        #expect(ignored.status == 0, "stderr: \(ignored.stderr)")
        #expect(ignored.stderr.contains("sets apiKey, ignored until you trust this workspace (--trust)"))
        #expect(server.requests.last?.header("authorization") == nil)

        server.enqueue(.text("two"))
        let trusted = try await SparkProcess(["chat", "--trust", "hi"], environment: variables).exit()
        #expect(trusted.status == 0, "stderr: \(trusted.stderr)")
        #expect(server.requests.last?.header("authorization") == "Bearer workspace-key")

        // Remembered outside the workspace: the next run needs no flag.
        server.enqueue(.text("three"))
        let remembered = try await SparkProcess(["chat", "hi"], environment: variables).exit()
        #expect(!remembered.stderr.contains("ignored"))
        #expect(server.requests.last?.header("authorization") == "Bearer workspace-key")
        #expect(
            FileManager.default.fileExists(
                atPath: environment.directory + "/.local/share/spark-lsp/trusted-workspaces.json"))
    }
}
