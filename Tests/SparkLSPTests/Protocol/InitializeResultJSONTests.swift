import AgentCore
import SparkJSON
import SparkLSP
import Testing

/// The hand-built `initialize` reply is exactly what the `Encodable` conformance writes.
@Suite struct InitializeResultJSONTests {
    @Test func handBuiltJSONMatchesTheEncoder() throws {
        let full = InitializeResult(
            capabilities: ServerCapabilities(
                positionEncoding: .utf8,
                textDocumentSync: TextDocumentSyncOptions(
                    openClose: true, change: .incremental, save: SaveOptions(includeText: false)),
                codeActionProvider: CodeActionOptions(
                    codeActionKinds: [.quickFix, .refactorRewrite], resolveProvider: true),
                executeCommandProvider: ExecuteCommandOptions(commands: ["spark.codeAction", "spark.chat"]),
                workspace: WorkspaceServerCapabilities(
                    workspaceFolders: WorkspaceFoldersServerCapabilities(supported: true, changeNotifications: true)),
                experimental: ["x": [1, "y"]]),
            serverInfo: ServerInfo(name: "spark-lsp", version: "1.2.3"))
        let sparse = InitializeResult(capabilities: ServerCapabilities(), serverInfo: ServerInfo(name: "s"))
        for result in [full, sparse] {
            #expect(try JSONValue(parsing: result.jsonBytes()) == JSONValue(encoding: result))
        }
    }
}
