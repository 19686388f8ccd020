import AgentCore
import Logging

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Owns what the agents need across requests: the model client, the layered configuration
/// (environment, file, `initializationOptions`, `workspace/configuration`,
/// `workspace/didChangeConfiguration`), the session store, the approvals given "for this
/// session", and the coding-tools factory. Each chat builds its agents from the current settings.
///
/// ```swift
/// let service = AgentService(client: HTTPModelClient(logger: logger), environment: env, logger: logger) { env in
///     CodingTools.make(env)   // the toolkit of issue 4
/// }
/// service.install(on: server)
/// ```
public actor AgentService {
    let client: any ModelClient
    let environment: [String: String]
    let configFile: String?
    let codingTools: CodingToolsFactory
    let endCodingSession: @Sendable (_ sessionID: String) async -> Void
    let sessionsDatabase: String?
    let prompts: PromptLibrary
    let logger: Logger
    let approvals = ApprovalMemory()
    private var pushedSettings: JSONValue?
    private var pulledSettings: JSONValue?
    private var store: SessionStore?

    /// - Parameters:
    ///   - client: talks to the model servers.
    ///   - environment: the process environment (`VLLM_ENDPOINT`, `WORKSPACE_DIR`, ...).
    ///   - configFile: `--config`, if given.
    ///   - sessionsDatabase: the sessions file; `nil` uses the data directory (`SPARK_DATA_DIR`,
    ///     the `dataDir` setting, else `<workspace>/.spark`).
    ///   - prompts: the Markdown prompts; `nil` uses the built-in ones, overridden by `SPARK_PROMPTS_DIR`.
    ///   - endCodingSession: ends what the coding tools keep for a session (its Python REPL) when the session
    ///     is reset; `CodingToolkitCache.endSession`.
    ///   - codingTools: builds the coding agent's tools for each run.
    public init(
        client: any ModelClient, environment: [String: String], configFile: String? = nil,
        sessionsDatabase: String? = nil,
        prompts: PromptLibrary? = nil, logger: Logger,
        endCodingSession: @escaping @Sendable (_ sessionID: String) async -> Void = { _ in },
        codingTools: @escaping CodingToolsFactory
    ) {
        self.endCodingSession = endCodingSession
        self.client = client
        self.environment = environment
        self.configFile = configFile
        self.sessionsDatabase = sessionsDatabase
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
        self.codingTools = codingTools
    }

    /// Registers the agent methods, code actions, commands and configuration handlers on `server`.
    public nonisolated func install(on server: LSPServer) {
        AgentHandlers.register(on: server, service: self)
        CodeActionHandlers.register(on: server, service: self)
        ConfigurationHandlers.register(on: server, service: self)
    }

    /// Records settings pushed with `workspace/didChangeConfiguration`; forgets pulled ones, which are re-read.
    func push(_ settings: JSONValue?) {
        if let settings { pushedSettings = settings }
        pulledSettings = nil
    }

    /// Records the `spark` section the client returned for `workspace/configuration`.
    func pulled(_ settings: JSONValue?) { pulledSettings = settings }

    /// The configuration for the next run, with the server-only settings.
    /// - Throws: `ResponseError` (shown with `window/showMessage`) for a bad configuration.
    func resolve(_ context: ServerContext) throws -> (SparkConfiguration, EditorSettings) {
        let state = context.state
        let root = ClientWorkspaceFolder.path(from: state)
        let layers = [EditorSettings.section(of: state.initializationOptions), pushedSettings, pulledSettings]
            .compactMap { $0 }
        var editor = EditorSettings()
        do {
            var configuration = try SparkConfiguration.load(
                configFile: configFile, workspace: root, environment: environment)
            if let root { configuration.workspaceDir = root }
            for layer in layers {
                configuration = try configuration.applying(editorSettings: layer)
                editor.apply(layer)
            }
            return (configuration, editor)
        } catch {
            let text = "Spark: bad configuration: \(error)"
            context.showMessage(.error, text)
            throw ResponseError(code: .invalidParams, message: text)
        }
    }

    /// The session store, opened on first use.
    func sessionStore(_ configuration: SparkConfiguration) throws -> SessionStore {
        if let store { return store }
        let path =
            sessionsDatabase
            ?? DataDirectory(
                configured: configuration.dataDir, environment: environment,
                workspace: configuration.workspaceDir ?? WorkspaceRoot.defaultPath
            ).sessionsDatabase
        do {
            let opened = try SessionStore(path: path)
            store = opened
            return opened
        } catch {
            throw ResponseError(
                code: .internalError, message: "Spark: cannot open the sessions database \(path): \(error)")
        }
    }

    /// The coding agent's instructions for a workflow (the built-in prompt when an override is broken).
    /// Ends a session's state outside the store: its "Always for this session" approvals and its Python REPL.
    func endSession(_ id: String) async {
        await approvals.forget(session: id)
        await endCodingSession(id)
    }

    nonisolated func codingInstructions(_ workflow: PromptWorkflow, workspace: String) -> String {
        do {
            return try prompts.codingInstructions(for: workflow, values: ["workspace": workspace])
        } catch {
            logger.warning("Prompt for \(workflow.rawValue) unavailable, using the built-in one: \(error)")
            return (try? PromptLibrary().codingInstructions(for: workflow, values: ["workspace": workspace])) ?? ""
        }
    }

    /// The agents as configured now, with tools built for `environment`.
    nonisolated func registry(
        _ configuration: SparkConfiguration, tools environment: CodingToolsEnvironment, workflow: PromptWorkflow
    ) -> AgentRegistry {
        makeDefaultAgents(
            configuration: configuration, codingTools: codingTools(environment),
            codingInstructions: .text(codingInstructions(workflow, workspace: environment.workspaceRoot)),
            workspace: environment.workspaceRoot, prompts: prompts)
    }
}
