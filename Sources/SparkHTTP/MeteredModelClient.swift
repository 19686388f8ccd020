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
        let upstream = inner.streamChat(request, endpoint: endpoint)
        let metrics = self.metrics
        let (stream, continuation) = AsyncThrowingStream<ChatStreamEvent, any Error>.makeStream()
        let pump = Task {
            do {
                for try await event in upstream {
                    if case .usage(let usage) = event { metrics.tokens(usage) }
                    continuation.yield(event)
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        // The consumer going away (a cancelled run) ends the pump and with it the upstream transfer.
        continuation.onTermination = { _ in pump.cancel() }
        return stream
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
