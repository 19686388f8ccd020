import AgentCore
import Logging
import SparkJSON
import Synchronization

/// The language server's front end over `ChatService`: the agent methods, code actions and commands, the
/// editor's settings (`initializationOptions`, `workspace/configuration`, `workspace/didChangeConfiguration`)
/// and the LSP surface of a run (edits as `workspace/applyEdit`, the open buffers, approvals over
/// `window/showMessageRequest`). Only the wire format lives here; the conversation is `ChatService`'s.
///
/// ```swift
/// let chat = ChatFrontEnd(service: ChatService(client: client, modules: modules, environment: env, logger: logger))
/// chat.install(on: server)
/// ```
public final class ChatFrontEnd: Sendable {
    /// The conversation service every front end shares.
    public let service: ChatService
    /// Settings pushed with `didChangeConfiguration` and pulled with `workspace/configuration`, and the pull
    /// under way; behind a mutex (handlers run concurrently).
    private let settings = Mutex<SettingsState>(SettingsState())

    private struct SettingsState {
        var pushed: JSONValue?
        var pulled: JSONValue?
        /// The latest pull; runs wait for it, so a chat sent right after `initialized` sees the settings.
        var refresh: Task<Void, Never>?
        /// The workspace configuration files (path and text) the user was asked to trust.
        var askedTrust: Set<String> = []
    }

    public init(service: ChatService) {
        self.service = service
    }

    /// The workspace indexing (the knowledge base), made on first use.
    private let indexRunner = Mutex<WorkspaceIndexRunner?>(nil)

    var indexing: WorkspaceIndexRunner {
        indexRunner.withLock { runner in
            if let runner { return runner }
            let made = WorkspaceIndexRunner(chat: self)
            runner = made
            return made
        }
    }

    /// Registers the agent methods, code actions, commands and configuration handlers on `server`.
    public func install(on server: LSPServer) {
        AgentHandlers.register(on: server, chat: self)
        CodeActionHandlers.register(on: server, chat: self)
        ConfigurationHandlers.register(on: server, chat: self)
        IndexHandlers.register(on: server, chat: self, runner: indexing)
    }

    /// Records settings pushed with `workspace/didChangeConfiguration` (`nil`: none) and pulls the `spark`
    /// section again when the client supports it, after any pull under way. Returns at once: the pull runs
    /// off the message loop, and runs wait for it.
    func refreshSettings(pushed: JSONValue?, context: ServerContext) {
        settings.withLock { state in
            if let pushed { state.pushed = pushed }
            state.pulled = nil
            guard context.clientCapabilities.supportsConfiguration else { return }
            let previous = state.refresh
            state.refresh = Task { [self] in
                await previous?.value
                await pull(context)
            }
        }
    }

    private func pull(_ context: ServerContext) async {
        do {
            let values = try await context.send(
                ConfigurationRequest(items: [ConfigurationItem(section: "spark")]), timeout: .seconds(10))
            if let value = values.first, value.objectValue != nil {
                settings.withLock { $0.pulled = value }
            }
        } catch {
            context.logger.debug("workspace/configuration failed: \(error)")
        }
    }

    /// The surface of a run in this editor, and the server-only settings, from the current settings.
    /// - Parameter observer: told about every edit with its URI and, for a client that cannot apply edits,
    ///   the edit itself.
    func surface(
        _ context: ServerContext, observer: @escaping LSPWorkspaceEditor.Observer = { _, _, _, _ in }
    ) async -> (ChatSurface, EditorSettings) {
        await settings.withLock { $0.refresh }?.value
        let state = context.state
        let layers = settings.withLock { current in
            [EditorSettings.section(of: state.initializationOptions), current.pushed, current.pulled].compactMap { $0 }
        }
        var editorSettings = EditorSettings()
        for layer in layers { editorSettings.apply(layer) }
        let surface = ChatSurface(
            editor: LSPWorkspaceEditor(context: context, confirmEdits: editorSettings.confirmEdits, observer: observer),
            documents: context.documents,
            approval: LSPApprovalPolicy(context: context, mode: editorSettings.approval),
            workspaceFolder: ClientWorkspaceFolder.path(from: state), settings: layers)
        return (surface, editorSettings)
    }

    /// Records that the user is asked about `file`; `false` when they were already.
    func markAsked(_ file: String) -> Bool {
        settings.withLock { $0.askedTrust.insert(file).inserted }
    }

    /// The configuration in effect in this editor.
    func configuration(_ context: ServerContext) async throws -> SparkConfiguration {
        try await service.configuration(on: surface(context).0)
    }
}
