import AgentCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension AgentService {
    /// Runs one job to the end: streams its chat events, reports progress, stores the session.
    /// Throws `CancellationError` when cancelled (nothing is stored: the session stays as it was)
    /// and a `ResponseError` carrying the user-facing cause (also shown) when the run fails.
    func run(_ job: ChatJob, context: ServerContext) async throws -> ChatResult {
        let (configuration, settings) = try resolve(context)
        let store = try sessionStore(configuration)
        let sessionID = job.sessionID ?? "lsp-" + UUID().uuidString.lowercased()
        let history: [ChatMessage]
        let storedAgent: String?
        do {
            history = try await store.messages(session: sessionID)
            storedAgent = history.isEmpty ? nil : try await store.activeAgent(session: sessionID)
        } catch {
            throw ResponseError(code: .internalError, message: "Spark: cannot read session \(sessionID): \(error)")
        }
        let agentName = job.agent ?? storedAgent ?? configuration.defaultAgent
        let emitter = ChatEventEmitter(context: context, token: job.token, sessionID: sessionID, agent: agentName)
        let editor = LSPWorkspaceEditor(context: context, confirmEdits: settings.confirmEdits) {
            change, uri, outcome, unsent in
            emitter.edit(change, uri: uri, outcome: outcome, unsent: unsent)
        }
        let workspace = configuration.workspaceDir ?? WorkspaceRoot.defaultPath
        let tools = CodingToolsEnvironment(
            workspaceRoot: workspace, editor: editor, documents: context.documents,
            approval: LSPApprovalPolicy(context: context, mode: settings.approval, memory: approvals),
            enableCodeExecution: configuration.enableCodeExecution, dataDirectory: configuration.dataDir)
        let registry = registry(configuration, tools: tools, workflow: job.workflow)
        guard registry[agentName] != nil else {
            throw ResponseError.invalidParams(
                "no agent named '\(agentName)' (agents: \(registry.names.joined(separator: ", ")))")
        }
        let engine = SwarmEngine(client: client, registry: registry, options: configuration.runOptions, logger: logger)
        let progress: WorkDoneProgressReporter
        if job.createProgress || job.progressToken != nil {
            progress = await context.beginProgress(
                title: job.progressTitle, message: "Asking \(agentName)", clientToken: job.progressToken)
        } else {
            progress = WorkDoneProgressReporter(connection: context.connection, token: nil)
        }
        let user = ChatMessage.user(job.message)
        do {
            var response: RunResponse?
            let events = engine.stream(
                agent: agentName, messages: history + [user], contextVariables: job.contextVariables,
                sessionID: sessionID)
            for try await event in events {
                emitter.handle(event)
                switch event {
                case .textDelta(_, let text): await job.onDelta?(text)
                case .toolCall(let agent, let call): progress.report(message: "\(agent): \(call.function.name)")
                case .handoff(_, let to): progress.report(message: "Handed to \(to)")
                case .done(let done): response = done
                default: break
                }
            }
            guard let response else { throw CancellationError() }
            try Task.checkCancellation()
            do {
                try await store.append([user] + response.messages, session: sessionID, activeAgent: response.agent)
            } catch {
                context.showMessage(.warning, "Spark: the session \(sessionID) could not be saved: \(error)")
            }
            progress.end(message: "Done")
            return ChatResult(
                sessionId: sessionID, agent: response.agent, content: response.content, edits: emitter.edits,
                usage: response.usage)
        } catch {
            if error is CancellationError || Task.isCancelled {
                progress.end(message: "Cancelled")
                emitter.error("cancelled")
                throw CancellationError()
            }
            let text = AgentFailure.describe(error, agent: registry[emitter.agent])
            progress.end(message: "Failed")
            context.showMessage(.error, text)
            throw ResponseError(code: .internalError, message: text)
        }
    }
}
