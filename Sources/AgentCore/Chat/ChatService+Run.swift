import SparkJSON
import Synchronization

extension ChatService {
    /// Runs one turn to its end, reporting its events in order through `events` (which may be called from
    /// tool tasks, never concurrently with itself for one turn's ordered events), and stores it (see the
    /// type's documentation for what is stored when).
    ///
    /// The last event is `done`, or `error` when the turn fails or is cancelled.
    /// - Throws: `ChatError` (`invalidRequest`, `configuration`, `storage`, `run`) or `CancellationError`.
    public func run(
        _ request: ChatTurnRequest, on surface: ChatSurface,
        events: @escaping @Sendable (ChatEvent) async -> Void
    ) async throws -> ChatTurnResult {
        guard !request.message.isEmpty || !request.images.isEmpty else {
            throw ChatError(.invalidRequest, "the message is empty")
        }
        let configuration = try configuration(on: surface)
        let user = ChatMessage.user(try attachingImages(request, configuration))
        let store = request.persistent ? try sessionStore(configuration) : nil
        let sessionID = request.sessionID ?? freshSessionID()
        var history: [ChatMessage] = []
        var storedAgent: String?
        // A session id made for this turn has nothing stored yet.
        if let store, request.sessionID != nil, !request.startsSession {
            do {
                history = RunTranscript.answeredPrefix(of: try await store.messages(session: sessionID))
                storedAgent = history.isEmpty ? nil : try await store.activeAgent(session: sessionID)
            } catch {
                throw ChatError(.storage, "cannot read session \(sessionID): \(error)")
            }
        }
        let turn = TurnState()
        // An edit waits until the events before it (its tool's `toolCall`) have reached the front end.
        let delivery = EventDelivery()
        defer { delivery.finish() }
        let ordered = OrderedWorkspaceEditor(inner: surface.editor, delivery: delivery)
        let editor = ReportingWorkspaceEditor(inner: ordered) { change, outcome in
            let edit = AgentEdit(
                path: change.path, change: change.kind, applied: outcome.applied, message: outcome.message)
            turn.record(edit)
            await events(.edit(agent: turn.agent, edit: edit))
        }
        let context = runContext(configuration, surface: surface, editor: editor, workflow: request.workflow)
        let registry = await (try AgentRegistry.composing(modules, run: context))
            .addingTools(from: toolProviders, run: context)
        let agentName = try answeringAgent(request, stored: storedAgent, registry: registry, configuration)
        turn.switchAgent(to: agentName)
        let engine = SwarmEngine(client: client, registry: registry, options: configuration.runOptions, logger: logger)
        let transcript = RunTranscript()
        do {
            var response: RunResponse?
            let run = engine.streamedRun(
                agent: agentName, messages: history + [user], contextVariables: request.contextVariables,
                sessionID: sessionID, maxTurns: nil, transcript: transcript, emitted: delivery.emitted)
            do {
                for try await event in run.events {
                    defer { delivery.delivered() }
                    switch event {
                    case .textDelta(let agent, let text): await events(.delta(agent: agent, text: text))
                    case .toolCall(let agent, let call): await events(.toolCall(agent: agent, call: call))
                    case .toolProgress(let agent, let progress):
                        await events(.progress(agent: agent, progress: progress))
                    case .toolResult(let agent, let call, let result):
                        await events(.toolResult(agent: agent, call: call, result: result))
                        for citation in result.citations {
                            turn.record(citation)
                            await events(.citation(agent: agent, citation: citation))
                        }
                    case .handoff(let from, let to): await events(.handoff(from: from, to: to))
                    case .agentSwitched(let next): turn.switchAgent(to: next)
                    case .done(let done): response = done
                    case .reasoningDelta, .toolCallStarted, .toolCallArguments, .usage, .error: break
                    }
                }
            } catch {
                delivery.finish()
                await run.producer.value
                throw error
            }
            // A cancelled consumer's loop ends at once, and the run at its next await: wait for it (no edit
            // waits for events nobody delivers any more), so that nothing of it (a model request, a tool) goes
            // on after the answer and the transcript is final.
            if Task.isCancelled {
                delivery.finish()
                run.producer.cancel()
            }
            await run.producer.value
            guard let response else { throw CancellationError() }
            try Task.checkCancellation()
            var result = ChatTurnResult(
                sessionID: sessionID, agent: response.agent, content: response.content, edits: turn.edits,
                usage: response.usage)
            do {
                try await store?.append([user] + response.messages, session: sessionID, activeAgent: response.agent, owner: request.owner)
            } catch {
                result.notice = "the session \(sessionID) could not be saved: \(error)"
                logger.warning("\(result.notice ?? "")")
            }
            result.citations = Citation.referred(to: response.content, among: turn.citations)
            await events(
                .done(
                    agent: response.agent, content: response.content, usage: response.usage,
                    citations: result.citations))
            return result
        } catch {
            let cancelled = error is CancellationError || Task.isCancelled
            let answered = transcript.answeredMessages
            if let store, !answered.isEmpty {
                do {
                    try await store.append(
                        [user] + answered, session: sessionID, activeAgent: turn.agent, owner: request.owner)
                } catch {
                    logger.warning("The unfinished turn of session \(sessionID) could not be saved: \(error)")
                }
            }
            if cancelled {
                await events(.error(agent: turn.agent, message: "cancelled"))
                throw CancellationError()
            }
            let failure = ChatError.run(error, agent: registry[turn.agent])
            await events(.error(agent: turn.agent, message: failure.message))
            throw failure
        }
    }

    /// Stores the request's images as a run would and throws the `invalidAttachment` error it would, for a front end
    /// that must answer before the run starts (the HTTP stream's status). Storing is by content, so the run stores
    /// them again at the cost of a hash.
    public func checkAttachments(_ request: ChatTurnRequest, on surface: ChatSurface) throws(ChatError) {
        guard !request.images.isEmpty else { return }
        _ = try attachingImages(request, try configuration(on: surface))
    }

    /// The request's message with a reference to each attached image, stored in the data directory first.
    private func attachingImages(
        _ request: ChatTurnRequest, _ configuration: SparkConfiguration
    ) throws(ChatError) -> String {
        guard !request.images.isEmpty else { return request.message }
        let store = ImageAttachmentStore(
            workspace: configuration.workspace, dataDirectory: configuration.dataDirectory(environment: environment))
        do {
            let attachments = try store.store(request.images)
            let list = ImageAttachment.describe(attachments)
            let blank = request.message.allSatisfy(\.isWhitespace)
            return (blank ? ImageAttachment.question(about: attachments) : request.message) + "\n\n" + list
        } catch {
            throw ChatError(.invalidAttachment, "\(error)")
        }
    }

    /// The agent that answers first: the request's, else the session's (when still registered), else the
    /// configured default.
    private func answeringAgent(
        _ request: ChatTurnRequest, stored: String?, registry: AgentRegistry, _ configuration: SparkConfiguration
    ) throws(ChatError) -> String {
        let known = registry.names.joined(separator: ", ")
        if let name = request.agent {
            guard registry[name] != nil else {
                throw ChatError(.invalidRequest, "no agent named '\(name)' (agents: \(known))")
            }
            return name
        }
        if let stored {
            if registry[stored] != nil { return stored }
            logger.warning("The session's agent \(stored) is not configured; the default agent answers")
        }
        let name = configuration.defaultAgent
        guard registry[name] != nil else {
            throw ChatError(.configuration, "the default agent '\(name)' is not configured (agents: \(known))")
        }
        return name
    }
}

/// The agent active in a turn, the edits made so far and the passages tools cited; edits are reported from tool
/// tasks while the engine's events switch agents, so all sit behind a mutex.
private final class TurnState: Sendable {
    private struct State {
        var agent = ""
        var edits: [AgentEdit] = []
        var citations: [Citation] = []
    }

    private let state = Mutex<State>(State())

    var agent: String { state.withLock { $0.agent } }
    var edits: [AgentEdit] { state.withLock { $0.edits } }
    var citations: [Citation] { state.withLock { $0.citations } }

    func switchAgent(to name: String) { state.withLock { $0.agent = name } }
    func record(_ edit: AgentEdit) { state.withLock { $0.edits.append(edit) } }
    func record(_ citation: Citation) { state.withLock { $0.citations.append(citation) } }
}
