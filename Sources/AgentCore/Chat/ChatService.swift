import Logging
import SparkJSON
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The one conversation lifecycle every front end (the language server, the command line, the HTTP
/// service) runs through: open or create the session, choose the answering agent, compose the agents,
/// run the engine, report typed events, store the turn, keep the session's approvals, report usage.
///
/// What a turn stores in its session (`sessions.sqlite` in the data directory):
/// - **finished**: the user message and every message the run added; the agent active at the end answers
///   the session's next message.
/// - **failed or cancelled**: the user message and the part of the run in which every tool call has its
///   result (`RunTranscript.answeredMessages`), when that part is not empty, with the agent active when it
///   stopped; when the run answered nothing, nothing, so sending the same message again does not repeat it.
/// - A session is always loaded cut before any unanswered tool call, so it stays usable whatever a crash
///   left behind.
///
/// ```swift
/// let service = ChatService(client: client, modules: [CodingAgentModule(...)], environment: env, logger: logger)
/// let result = try await service.run(ChatTurnRequest(message: "fix the test"), on: surface) { event in
///     write(event)  // the front end's wire format
/// }
/// ```
public final class ChatService: Sendable {
    public let client: any ModelClient
    /// The specialists, in the order the supervisor lists them.
    public let modules: [any AgentModule]
    /// The configuration file and environment, loaded once and again when they change.
    public let configurations: ConfigurationStore
    /// The prompts, with `SPARK_PROMPTS_DIR` overrides.
    public let prompts: PromptLibrary
    /// Tools from outside the modules (the MCP servers), added to each run's agents.
    public let toolProviders: [any AgentToolProvider]
    /// The "Always for this session" answers, shared by every front end of this process.
    public let approvals = SessionApprovals()
    /// What each session's agent last saw of each file (the read-before-write contract), shared by every front end
    /// of this process and by a session's turns; in memory only, so after a restart the agent reads again.
    public let seenFiles = SeenFiles()
    let environment: [String: String]
    let sessionsDatabase: String?
    let sessionStorage: (any SessionStorage)?
    let sessionPrefix: String
    let logger: Logger
    /// Open session stores by file; behind a mutex (requests run concurrently).
    let stores = Mutex<[String: SessionStore]>([:])

    /// - Parameters:
    ///   - client: talks to the model servers.
    ///   - modules: the specialists the supervisor routes to; one line per agent.
    ///   - configFile: `--config`, if given.
    ///   - environment: the process environment (`VLLM_ENDPOINT`, `WORKSPACE_DIR`, ...), read once.
    ///   - prompts: `nil` uses the built-in prompts, overridden by `SPARK_PROMPTS_DIR`.
    ///   - sessionsDatabase: the sessions file; `nil` uses `sessions.sqlite` in the data directory.
    ///   - sessionStorage: where sessions live instead of a SQLite file (the service's PostgreSQL); `nil`: SQLite.
    ///   - sessionPrefix: new session ids are `<prefix>-<uuid>` (`lsp`, `cli`, `http`).
    public init(
        client: any ModelClient, modules: [any AgentModule], configFile: String? = nil,
        environment: [String: String], prompts: PromptLibrary? = nil, sessionsDatabase: String? = nil,
        sessionStorage: (any SessionStorage)? = nil, sessionPrefix: String = "chat",
        toolProviders: [any AgentToolProvider] = [], logger: Logger
    ) {
        self.client = client
        self.modules = modules
        self.toolProviders = toolProviders
        self.configurations = ConfigurationStore(configFile: configFile, environment: environment)
        self.environment = environment
        self.sessionsDatabase = sessionsDatabase
        self.sessionStorage = sessionStorage
        self.sessionPrefix = sessionPrefix
        self.logger = logger
        if let prompts {
            self.prompts = prompts
        } else {
            do {
                self.prompts = try PromptLibrary.locate(environment: environment)
            } catch {
                logger.warning("Using the built-in prompts: \(error)")
                self.prompts = PromptLibrary()
            }
        }
    }

    /// The names of the agents a run can have: the supervisor, then each module's (whether or not its agent can
    /// be built for a given run).
    public var agentNames: [String] {
        [Supervisor.name] + modules.map(\.name).filter { $0 != Supervisor.name }
    }

    /// The configuration in effect on `surface`.
    public func configuration(on surface: ChatSurface) throws(ChatError) -> SparkConfiguration {
        try configurations.configuration(workspace: surface.workspaceFolder, settings: surface.settings)
    }

    /// The agents a run on `surface` would get, supervisor first (tools built with the surface's editor).
    public func registry(on surface: ChatSurface, workflow: String? = nil) throws(ChatError) -> AgentRegistry {
        let configuration = try configuration(on: surface)
        return try AgentRegistry.composing(
            modules, run: runContext(configuration, surface: surface, editor: surface.editor, workflow: workflow)
        )
    }

    /// The agents a run on `surface` would get, with the tools the providers add (which may start MCP servers).
    public func registryWithProvidedTools(on surface: ChatSurface, workflow: String? = nil) async throws(ChatError)
        -> AgentRegistry
    {
        let configuration = try configuration(on: surface)
        let run = runContext(configuration, surface: surface, editor: surface.editor, workflow: workflow)
        return await (try AgentRegistry.composing(modules, run: run)).addingTools(from: toolProviders, run: run)
    }

    /// Starts what the tool providers start with the front end (MCP servers with `startup: eager`).
    public func startToolProviders(on surface: ChatSurface) async {
        guard !toolProviders.isEmpty, let configuration = try? configuration(on: surface) else { return }
        for provider in toolProviders { await provider.start(configuration: configuration) }
    }

    /// Ends the front end: every module's per-session state (Python REPLs, ...) and what the providers started.
    public func shutdown() async {
        for module in modules { await module.shutdown() }
        for provider in toolProviders { await provider.shutdown() }
    }

    func runContext(
        _ configuration: SparkConfiguration, surface: ChatSurface, editor: any WorkspaceEditor, workflow: String?
    ) -> AgentRunContext {
        AgentRunContext(
            configuration: configuration, editor: editor,
            documents: surface.documents, seenFiles: seenFiles, approval: approvals.asking(surface.approval),
            workflow: workflow,
            prompts: prompts, environment: environment, logger: logger, client: client)
    }

    /// A new session id, `<prefix>-<uuid>`, for a front end that must know it before the run starts.
    public func freshSessionID() -> String {
        "\(sessionPrefix)-\(UUID().uuidString.lowercased())"
    }
}
