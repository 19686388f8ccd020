import Logging
import SparkJSON

/// Runs conversations through agents that call tools and hand off to one another
/// (after OpenAI's Swarm, with the lessons of the Agents SDK).
///
/// Each turn streams one completion from the active agent's model, runs the tool calls it makes
/// (concurrently when the agent allows, results in call order), applies context-variable updates
/// and handoffs (the first handoff of a turn wins; every tool call gets exactly one tool
/// message), and ends when the model answers without tool calls.
///
/// A run is consumed either as a stream of `RunEvent`s (`stream`) or awaited (`run`).
/// Cancelling the consuming task cancels the run and the model stream; the run then ends with
/// `CancellationError`.
public struct SwarmEngine: Sendable {
    public let client: any ModelClient
    public var registry: AgentRegistry
    public var options: RunOptions
    let logger: Logger

    public init(client: any ModelClient, registry: AgentRegistry, options: RunOptions = RunOptions(), logger: Logger) {
        self.client = client
        self.registry = registry
        self.options = options
        self.logger = logger
    }

    /// Starts a run and streams its events; the stream finishes after `.done`, or throws after
    /// `.error` (and throws `CancellationError` when cancelled). Ending the iteration early
    /// cancels the run.
    ///
    /// - Parameters:
    ///   - agent: the name of the agent that answers first.
    ///   - messages: the conversation so far, ending with the new user message.
    ///   - contextVariables: values for instructions and tools, never shown in a schema.
    ///   - sessionID: handed to tools (per-session state keys on it).
    ///   - maxTurns: overrides the agent's and the options' turn limit.
    ///   - transcript: collects the messages the run adds as they come (to keep a failed run's).
    public func stream(
        agent: String,
        messages: [ChatMessage],
        contextVariables: [String: JSONValue] = [:],
        sessionID: String = "default",
        maxTurns: Int? = nil,
        transcript: RunTranscript? = nil
    ) -> AsyncThrowingStream<RunEvent, any Error> {
        streamedRun(
            agent: agent, messages: messages, contextVariables: contextVariables, sessionID: sessionID,
            maxTurns: maxTurns, transcript: transcript, emitted: nil
        ).events
    }

    /// `stream`, calling `emitted` after each event is put in the stream (`ChatService` keeps edits behind it),
    /// and the task that produces the events: a consumer that stops early (cancelled) awaits it, so nothing of
    /// the run (a model request, a tool) goes on after its answer and its transcript is final.
    func streamedRun(
        agent: String, messages: [ChatMessage], contextVariables: [String: JSONValue], sessionID: String,
        maxTurns: Int?, transcript: RunTranscript?, emitted: (@Sendable () -> Void)?
    ) -> (events: AsyncThrowingStream<RunEvent, any Error>, producer: Task<Void, Never>) {
        let (stream, continuation) = AsyncThrowingStream<RunEvent, any Error>.makeStream()
        let task = Task {
            do {
                _ = try await execute(
                    agent: agent, messages: messages, contextVariables: contextVariables, sessionID: sessionID,
                    maxTurns: maxTurns, transcript: transcript,
                    emit: { event in
                        continuation.yield(event)
                        emitted?()
                    })
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return (stream, task)
    }

    /// Runs to the end and returns the final response; throws `EngineError`, `LLMError` or
    /// `CancellationError`.
    public func run(
        agent: String,
        messages: [ChatMessage],
        contextVariables: [String: JSONValue] = [:],
        sessionID: String = "default",
        maxTurns: Int? = nil,
        transcript: RunTranscript? = nil
    ) async throws -> RunResponse {
        try await execute(
            agent: agent, messages: messages, contextVariables: contextVariables, sessionID: sessionID,
            maxTurns: maxTurns, transcript: transcript, emit: { _ in })
    }

    func execute(
        agent name: String,
        messages: [ChatMessage],
        contextVariables: [String: JSONValue],
        sessionID: String,
        maxTurns: Int?,
        transcript: RunTranscript? = nil,
        emit: @escaping RunEmitter
    ) async throws -> RunResponse {
        var state = RunState(messages: messages, contextVariables: contextVariables, transcript: transcript)
        var agentName = name
        do {
            guard var agent = registry[name] else {
                throw EngineError(
                    .unknownAgent,
                    "No agent named '\(name)'; known agents: \(registry.names.joined(separator: ", ")).")
            }
            let limit = max(1, maxTurns ?? agent.maxTurns ?? options.maxTurns)
            for turn in 0..<limit {
                try Task.checkCancellation()
                agentName = agent.name
                let message = try await complete(agent: agent, turn: turn, state: &state, emit: emit)
                state.append(message)
                guard let calls = message.toolCalls, !calls.isEmpty else {
                    let response = RunResponse(
                        messages: state.added, agent: agent.name, contextVariables: state.contextVariables,
                        usage: state.usage)
                    emit(.done(response))
                    return response
                }
                state.agentsThatUsedTools.insert(agent.name)
                if let next = try await runTools(calls, agent: agent, sessionID: sessionID, state: &state, emit: emit) {
                    logger.debug("handoff", metadata: ["from": "\(agent.name)", "to": "\(next.name)"])
                    emit(.handoff(from: agent.name, to: next.name))
                    emit(.agentSwitched(to: next.name))
                    agent = next
                    agentName = next.name
                }
            }
            throw EngineError(
                .turnLimitExceeded,
                "The run reached its limit of \(limit) turns without a final answer (last agent: \(agent.name)).",
                partialMessages: state.added)
        } catch {
            if error is CancellationError || Task.isCancelled { throw CancellationError() }
            emit(.error(agent: agentName, message: String(describing: error)))
            throw error
        }
    }
}
