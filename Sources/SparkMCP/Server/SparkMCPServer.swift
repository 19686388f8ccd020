import AgentCore
import CodingAgent
import Foundation
import Logging
import MCP
import SparkJSON
import Synchronization

/// `spark-lsp mcp serve`: SparkLSP's agents for MCP hosts, over stdio.
///
/// - Tool `chat` (`message`, `agent`, `session_id`): one turn through `ChatService`, as the editor's chat runs it;
///   with a progress token, each text delta arrives as a progress notification's `message`, and so does each
///   progress report of a tool the run calls (an MCP server's, as `[<tool>] <summary>`).
/// - With `codingTools`, the coding agent's own tools (`file_read`, `grep`, `bash`, ...), confined to the workspace
///   given at start-up with the same checks as in the editor.
/// - Approvals (`bash`, `execute_code`, `python_repl`) are MCP elicitation requests when the host declares
///   elicitation, else `service.approval` decides (deny by default).
/// - Resources: the stored sessions, and any other `MCPResourceSource` (the knowledge agent's documents, later).
public final class SparkMCPServer: Sendable {
    private let service: ChatService
    private let workspace: String
    private let codingTools: Bool
    private let environment: [String: String]
    private let logger: Logger
    private let server: Server
    private let coding = CodingAgentModule()
    /// Whether the host declared elicitation (set once, at initialize).
    private let hostElicits = Mutex(false)
    /// The session the coding tools record what they read in (the read-before-write contract).
    private let toolSession = "mcp-tools-\(UUID().uuidString.lowercased())"

    public init(
        service: ChatService, workspace: String, codingTools: Bool, environment: [String: String], logger: Logger
    ) {
        self.service = service
        self.workspace = workspace
        self.codingTools = codingTools
        self.environment = environment
        self.logger = logger
        server = Server(
            name: "spark-lsp", version: sparkVersion,
            instructions: "SparkLSP's agents: call chat with a message; pass the session_id it returns to go on.",
            capabilities: .init(
                resources: .init(subscribe: false, listChanged: false), tools: .init(listChanged: false)))
    }

    /// Serves on stdin and stdout until the host closes them.
    public func run() async throws {
        await server.withMethodHandler(ListTools.self) { [self] _ in
            ListTools.Result(tools: try toolList())
        }
        await server.withMethodHandler(CallTool.self) { [self] params in
            try await call(params)
        }
        await server.withMethodHandler(ListResources.self) { [self] _ in
            var resources: [Resource] = []
            for source in try resourceSources() { resources += try await source.list() }
            return ListResources.Result(resources: resources)
        }
        await server.withMethodHandler(ReadResource.self) { [self] params in
            guard let source = try resourceSources().first(where: { params.uri.hasPrefix($0.prefix) }) else {
                throw MCPError.invalidParams("unknown resource \(params.uri)")
            }
            return ReadResource.Result(contents: try await source.read(params.uri))
        }
        try await server.start(transport: LineTransport(input: STDIN_FILENO, output: STDOUT_FILENO, logger: logger)) {
            [self] _, capabilities in
            hostElicits.withLock { $0 = capabilities.elicitation != nil }
        }
        await server.waitUntilCompleted()
        await service.shutdown()
        await coding.shutdown()
    }

    static let chatTool = Tool(
        name: "chat",
        description:
            "Ask SparkLSP's agents (the supervisor routes to the coding agent and the others). Returns the answer and the session_id to continue the conversation.",
        inputSchema: .object([
            "type": "object",
            "properties": .object([
                "message": .object(["type": "string", "description": "What to ask or tell the agents."]),
                "agent": .object([
                    "type": "string", "description": "The agent to answer (coding, supervisor, ...); default: routed.",
                ]),
                "session_id": .object([
                    "type": "string", "description": "A session_id from an earlier answer, to continue it.",
                ]),
            ]),
            "required": .array(["message"]),
        ]))

    private func toolList() throws -> [Tool] {
        var tools = [Self.chatTool]
        if codingTools {
            for tool in try codingAgentTools() {
                tools.append(
                    Tool(
                        name: tool.name, description: tool.description,
                        inputSchema: try Value(json: tool.parametersSchema)))
            }
        }
        return tools
    }

    private func call(_ params: CallTool.Parameters) async throws -> CallTool.Result {
        let arguments = try JSONValue(mcp: Value.object(params.arguments ?? [:]))
        if params.name == Self.chatTool.name {
            return try await chat(arguments, progressToken: params._meta?.progressToken)
        }
        guard codingTools, let tool = try codingAgentTools().first(where: { $0.name == params.name }) else {
            throw MCPError.invalidParams("unknown tool \(params.name)")
        }
        let result = try await tool.call(
            arguments,
            context: ToolContext(
                sessionID: toolSession, agentName: CodingAgentModule.name, toolCallID: UUID().uuidString))
        return CallTool.Result(
            content: [.text(text: result.content, annotations: nil, _meta: nil)], isError: result.isError)
    }

    private func chat(_ arguments: JSONValue, progressToken: ProgressToken?) async throws -> CallTool.Result {
        guard let message = arguments["message"]?.stringValue, !message.isEmpty else {
            throw MCPError.invalidParams("chat needs a message")
        }
        let request = ChatTurnRequest(
            message: message, sessionID: arguments["session_id"]?.stringValue, agent: arguments["agent"]?.stringValue)
        let server = self.server
        let reports = Mutex(0)
        do {
            let result = try await service.run(request, on: try surface()) { event in
                guard let progressToken, let message = Self.progressMessage(of: event) else { return }
                let count = reports.withLock { count in
                    count += 1
                    return count
                }
                try? await server.notify(
                    ProgressNotification.message(
                        .init(progressToken: progressToken, progress: Double(count), message: message)))
            }
            return CallTool.Result(
                content: [.text(text: result.content, annotations: nil, _meta: nil)],
                structuredContent: .object([
                    "session_id": .string(result.sessionID), "agent": .string(result.agent),
                    "text": .string(result.content),
                ]))
        } catch let error as ChatError {
            return CallTool.Result(
                content: [.text(text: "error: \(error.message)", annotations: nil, _meta: nil)], isError: true)
        }
    }

    /// What a chat's progress notification says for `event`: a text delta as it is, a tool's progress as
    /// `[<tool>] <message> (<progress>/<total>)`; nothing for the other events.
    static func progressMessage(of event: ChatEvent) -> String? {
        switch event {
        case .delta(_, let text): text
        case .progress(_, let update): "[\(update.toolName)] \(update.summary)"
        default: nil
        }
    }

    /// Where the agents work: the workspace given at start-up, files written on disk, approvals as above.
    private func surface() throws -> ChatSurface {
        let configuration = try service.configurations.configuration(workspace: workspace)
        let editor = DiskWorkspaceEditor(
            root: try WorkspaceRoot(path: workspace),
            protected: ProtectedPaths(additional: configuration.protectedPaths))
        return ChatSurface(editor: editor, approval: approval(configuration), workspaceFolder: workspace)
    }

    private func approval(_ configuration: SparkConfiguration) -> any ApprovalPolicy {
        if hostElicits.withLock({ $0 }) { return ElicitationApproval(server: server) }
        switch configuration.serviceApproval {
        case .allow: return AllowAllPolicy()
        case .deny:
            return DenyAllPolicy(
                reason: "the MCP host cannot be asked (no elicitation) and service.approval is deny")
        }
    }

    /// The coding agent's tools for the start-up workspace, built with this server's editor and approvals.
    private func codingAgentTools() throws -> [any AgentTool] {
        let surface = try surface()
        let configuration = try service.configurations.configuration(workspace: workspace)
        let run = AgentRunContext(
            configuration: configuration, editor: surface.editor, documents: nil, seenFiles: service.seenFiles,
            approval: surface.approval, prompts: service.prompts, environment: environment, logger: logger)
        return try coding.makeAgent(for: run).tools
    }

    private func resourceSources() throws -> [any MCPResourceSource] {
        [SessionResources(service: service, surface: try surface())]
    }
}
