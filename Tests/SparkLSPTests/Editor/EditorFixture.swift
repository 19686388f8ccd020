import AgentCore
import CodingAgent
import Logging
import SparkJSON
import SparkLSP
import SparkTestSupport

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An in-process server with the agent service, a scripted model server over real HTTP, a
/// temporary workspace and sessions database, and an initialized test client.
struct EditorFixture {
    /// Makes the coding agent's tools of a run from the run and the agent's real tools.
    typealias Tools = @Sendable (AgentRunContext, [any AgentTool]) -> [any AgentTool]

    static let fullCapabilities: JSONValue = [
        "workspace": [
            "applyEdit": true,
            "workspaceEdit": ["documentChanges": true, "resourceOperations": ["create", "delete"]],
        ],
        "window": ["workDoneProgress": true, "showDocument": ["support": true], "showMessage": [:]],
    ]

    let client: TestLSPClient
    let model: ScriptedModelServer
    let workspace: String

    /// - Parameters:
    ///   - settings: extra `initializationOptions` (merged over the endpoint and models).
    ///   - endpoint: the model endpoint (default: the scripted server).
    ///   - clientOptions: the HTTP client's options (no retries by default).
    ///   - extraAgents: specialists registered after the coding agent.
    ///   - workspaceConfiguration: the text of the workspace's own `.spark/config.json`, written before start.
    ///   - files: workspace files (path: text) written before start, so the first background work sees them.
    ///   - model: the scripted model server (default: a new one serving `sup-model` and `code-model`), for replies
    ///     that must be queued before start.
    ///   - tools: the coding agent's tools, from the run and the real ones (default: `testTools`).
    init(
        capabilities: JSONValue = fullCapabilities, settings: [String: JSONValue] = [:], endpoint: String? = nil,
        clientOptions: HTTPModelClient.Options = HTTPModelClient.Options(maxRetries: 0),
        extraAgents: [any AgentModule] = [],
        workspaceConfiguration: String? = nil,
        files: [String: String] = [:],
        model: ScriptedModelServer? = nil,
        configure: (TestLSPClient) -> Void = { _ in },
        tools: @escaping Tools = testTools
    ) async throws {
        self.model = try model ?? ScriptedModelServer(models: ["sup-model", "code-model"])
        workspace = FileManager.default.temporaryDirectory.path + "/spark-editor-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
        if let workspaceConfiguration {
            try FileManager.default.createDirectory(atPath: workspace + "/.spark", withIntermediateDirectories: true)
            try Data(workspaceConfiguration.utf8).write(to: URL(fileURLWithPath: workspace + "/.spark/config.json"))
        }
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: workspace + "/" + name)) }
        var serverConfiguration = ServerConfiguration()
        serverConfiguration.codeActionKinds = CodeActionCatalog.kinds
        serverConfiguration.clientRequestTimeout = .seconds(20)
        let coding = FixtureAgentModule(wrapping: CodingAgentModule(), tools: tools)
        let service = ChatService(
            client: HTTPModelClient(logger: .silent, options: clientOptions), modules: [coding] + extraAgents,
            environment: [:],
            sessionsDatabase: workspace + "/.spark-test/sessions.sqlite", sessionPrefix: "lsp", logger: .silent)
        client = try TestLSPClient.inProcess(configuration: serverConfiguration, timeout: .seconds(30)) { server in
            ChatFrontEnd(service: service).install(on: server)
        }
        configure(client)
        var options: [String: JSONValue] = [
            "endpoint": .string(endpoint ?? self.model.endpoint.baseURL),
            "modelFallback": false,
            "agents": ["supervisor": ["model": "sup-model"], "coding": ["model": "code-model"]],
        ]
        options.merge(settings) { _, new in new }
        _ = try await client.send(
            InitializeRequest(
                processId: nil, clientInfo: ClientInfo(name: "EditorFixture"),
                rootUri: FileURI.uri(fromPath: workspace),
                initializationOptions: .object(options), capabilities: ClientCapabilities(capabilities)))
        client.notify(InitializedNotification())
    }

    /// The coding agent's tools in most editor tests: a `file_write` that reads just before it writes, and a
    /// `bash` that only asks for approval.
    static let testTools: Tools = { run, _ in
        [TestWriteTool(environment: run), TestRunTool(environment: run)]
    }

    /// The real `file_read` and `file_write` of the coding agent, and the test `bash`.
    static let realFileTools: Tools = { run, real in
        real.filter { ["file_read", "file_write"].contains($0.name) } + [TestRunTool(environment: run)]
    }

    /// The absolute path of a workspace file.
    func path(_ name: String) -> String { workspace + "/" + name }

    /// Writes a workspace file on disk.
    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
    }

    /// Reads a workspace file from disk.
    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: path(name)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Opens a document in the server.
    func open(_ name: String, _ text: String, version: Int = 1) {
        client.notify(
            DidOpenTextDocumentNotification(
                textDocument: TextDocumentItem(
                    uri: FileURI.uri(fromPath: path(name)), languageId: "python", version: version, text: text)))
    }

    /// The chat events received so far (they precede the reply of their run).
    func chatEvents() -> [ChatEventNotification] { client.queuedNotifications(ofType: ChatEventNotification.self) }

    /// The model names of the chat requests the scripted server received.
    var requestedModels: [String] {
        model.requests.filter { $0.path.hasSuffix("/chat/completions") }.compactMap { $0.body?["model"]?.stringValue }
    }

    /// A scripted `file_write` call.
    static func write(_ path: String, _ content: String, baseVersion: Int? = nil, id: String = "call-1")
        -> ScriptedReply
    {
        var arguments: [String: JSONValue] = ["path": .string(path), "content": .string(content)]
        if let baseVersion { arguments["baseVersion"] = .int(baseVersion) }
        return .toolCalls([ScriptedToolCall(id: id, name: "file_write", arguments: .object(arguments))])
    }
}
