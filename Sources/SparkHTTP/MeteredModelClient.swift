import AgentCore

/// A model client that counts requests and tokens into `ServiceMetrics`, then defers to `inner`.
public struct MeteredModelClient: ModelClient {
    let inner: any ModelClient
    let metrics: ServiceMetrics

    public init(_ inner: any ModelClient, metrics: ServiceMetrics) {
        self.inner = inner
        self.metrics = metrics
    }

    public func streamChat(_ request: ChatRequest, endpoint: ModelEndpoint)
        -> AsyncThrowingStream<ChatStreamEvent, any Error>
    {
        metrics.modelRequest(model: request.model)
        let upstream = UpstreamEvents(inner.streamChat(request, endpoint: endpoint))
        let metrics = self.metrics
        // Each event is passed on in the consumer's own task (no task of its own between the two streams, which
        // would be one more hop on the way to the first event). Cancelling the consumer cancels the upstream
        // stream's `next()`, and dropping this stream drops the upstream one: either ends the transfer.
        return AsyncThrowingStream(unfolding: {
            let event = try await upstream.next()
            if case .usage(let usage)? = event { metrics.tokens(usage) }
            return event
        })
    }

    public func chat(_ request: ChatRequest, endpoint: ModelEndpoint) async throws -> ChatCompletion {
        metrics.modelRequest(model: request.model)
        let completion = try await inner.chat(request, endpoint: endpoint)
        if let usage = completion.usage { metrics.tokens(usage) }
        return completion
    }

    public func listModels(endpoint: ModelEndpoint) async throws -> [String] {
        try await inner.listModels(endpoint: endpoint)
    }

    public func contextLengths(endpoint: ModelEndpoint) async throws -> [String: Int] {
        try await inner.contextLengths(endpoint: endpoint)
    }

    public func embeddings(model: String, inputs: [String], truncatePromptTokens: Int?, endpoint: ModelEndpoint)
        async throws -> [[Double]]
    {
        metrics.modelRequest(model: model)
        return try await inner.embeddings(
            model: model, inputs: inputs, truncatePromptTokens: truncatePromptTokens, endpoint: endpoint)
    }
}

/// The upstream stream's iterator, for the unfolding stream that passes its events on.
///
/// `@unchecked Sendable`: `iterator` is used only by `next()`, which the unfolding stream calls from its one
/// consumer, one call at a time (an `AsyncThrowingStream` traps on concurrent iteration).
private final class UpstreamEvents: @unchecked Sendable {
    private var iterator: AsyncThrowingStream<ChatStreamEvent, any Error>.AsyncIterator

    init(_ stream: AsyncThrowingStream<ChatStreamEvent, any Error>) {
        iterator = stream.makeAsyncIterator()
    }

    func next() async throws -> ChatStreamEvent? {
        try await iterator.next()
    }
}
