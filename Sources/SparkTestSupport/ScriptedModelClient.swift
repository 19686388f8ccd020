import AgentCore
import Synchronization

/// A `ModelClient` for engine tests: replays scripted replies in order and records every request.
///
/// No HTTP: use the scripted OpenAI-compatible server to test the wire format.
public struct ScriptedModelClient: ModelClient {
    /// One scripted answer to one `streamChat` or `chat` call.
    public enum Reply: Sendable {
        /// Streams these events, then finishes.
        case events([ChatStreamEvent])
        /// Throws before any event.
        case failure(LLMError)
        /// Streams these events, then waits until the consumer cancels.
        case hang([ChatStreamEvent])

        /// A text answer split into `chunks` deltas, then `stop` and a usage chunk.
        public static func text(
            _ text: String, chunks: Int = 3, usage: Usage = Usage(promptTokens: 10, completionTokens: 5)
        ) -> Reply {
            .events(
                ScriptedModelClient.split(text, into: chunks).map { .contentDelta($0) } + [
                    .finished(reason: "stop"), .usage(usage),
                ])
        }

        /// Tool calls streamed as deltas (id and name first, arguments in two fragments), then
        /// `tool_calls` and a usage chunk.
        public static func toolCalls(
            _ calls: [(name: String, arguments: String)], text: String? = nil,
            usage: Usage = Usage(promptTokens: 10, completionTokens: 5)
        ) -> Reply {
            var events: [ChatStreamEvent] = text.map { [.contentDelta($0)] } ?? []
            for (index, call) in calls.enumerated() {
                events.append(
                    .toolCallDelta(
                        ToolCallDelta(
                            index: index, id: "call_\(index)_\(call.name)", name: call.name, argumentsFragment: "")))
                for fragment in ScriptedModelClient.split(call.arguments, into: 2) {
                    events.append(.toolCallDelta(ToolCallDelta(index: index, argumentsFragment: fragment)))
                }
            }
            return .events(events + [.finished(reason: "tool_calls"), .usage(usage)])
        }
    }

    /// A recorded `streamChat` / `chat` call.
    public struct RecordedRequest: Sendable {
        public var request: ChatRequest
        public var endpoint: ModelEndpoint
    }

    private final class State: Sendable {
        struct Value {
            var replies: [Reply]
            var requests: [RecordedRequest] = []
            var cancellations = 0
            var listModelsCalls = 0
            var cancellationWaiters: [CheckedContinuation<Void, Never>] = []
        }
        let value: Mutex<Value>
        init(_ replies: [Reply]) { value = Mutex(Value(replies: replies)) }
    }

    private let state: State
    /// What `listModels` answers.
    public let models: [String]

    public init(replies: [Reply], models: [String] = []) {
        self.state = State(replies)
        self.models = models
    }

    /// The requests received so far, in order.
    public var requests: [RecordedRequest] { state.value.withLock { $0.requests } }
    /// How many streams the consumer cancelled before they finished.
    public var cancellations: Int { state.value.withLock { $0.cancellations } }
    /// Returns once a consumer has cancelled a stream (at once if one already did).
    public func waitForCancellation() async {
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            let done = state.value.withLock { value in
                if value.cancellations > 0 { return true }
                value.cancellationWaiters.append(waiter)
                return false
            }
            if done { waiter.resume() }
        }
    }

    /// How many times `listModels` was called.
    public var listModelsCalls: Int { state.value.withLock { $0.listModelsCalls } }

    private func nextReply(_ request: ChatRequest, _ endpoint: ModelEndpoint) -> Reply {
        state.value.withLock { value in
            value.requests.append(RecordedRequest(request: request, endpoint: endpoint))
            guard !value.replies.isEmpty else {
                return .failure(LLMError(.httpError, "scripted client: no reply left", httpStatus: 500))
            }
            return value.replies.removeFirst()
        }
    }

    public func streamChat(_ request: ChatRequest, endpoint: ModelEndpoint) -> AsyncThrowingStream<
        ChatStreamEvent, any Error
    > {
        let reply = nextReply(request, endpoint)
        let (stream, continuation) = AsyncThrowingStream<ChatStreamEvent, any Error>.makeStream()
        let state = self.state
        switch reply {
        case .events(let events):
            for event in events { continuation.yield(event) }
            continuation.finish()
        case .failure(let error):
            continuation.finish(throwing: error)
        case .hang(let events):
            continuation.onTermination = { termination in
                guard case .cancelled = termination else { return }
                let waiters = state.value.withLock { value in
                    value.cancellations += 1
                    defer { value.cancellationWaiters = [] }
                    return value.cancellationWaiters
                }
                for waiter in waiters { waiter.resume() }
            }
            for event in events { continuation.yield(event) }
        }
        return stream
    }

    public func chat(_ request: ChatRequest, endpoint: ModelEndpoint) async throws -> ChatCompletion {
        var text = ""
        var reason: String?
        var usage: Usage?
        for try await event in streamChat(request, endpoint: endpoint) {
            switch event {
            case .contentDelta(let delta): text += delta
            case .finished(let finish): reason = finish
            case .usage(let total): usage = total
            default: break
            }
        }
        return ChatCompletion(message: .assistant(text), finishReason: reason, usage: usage, model: request.model)
    }

    public func listModels(endpoint: ModelEndpoint) async throws -> [String] {
        state.value.withLock { $0.listModelsCalls += 1 }
        return models
    }

    public func embeddings(model: String, inputs: [String], truncatePromptTokens: Int?, endpoint: ModelEndpoint)
        async throws -> [[Double]]
    {
        inputs.map { _ in [0] }
    }

    static func split(_ text: String, into parts: Int) -> [String] {
        let characters = Array(text)
        guard parts > 1, characters.count > 1 else { return [text] }
        let size = max(1, (characters.count + parts - 1) / parts)
        return stride(from: 0, to: characters.count, by: size).map {
            String(characters[$0..<min($0 + size, characters.count)])
        }
    }
}
