import Logging
import SparkJSON

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The production `ModelClient`: OpenAI-compatible HTTP through libcurl.
///
/// Transfers run on dedicated threads and reach Swift through `AsyncThrowingStream` or a continuation;
/// cancelling the calling task aborts the transfer at once. Idle connections are kept in a pool of curl
/// handles (up to 64) and reused across requests. Refused connections, 429 and 503 are retried with exponential
/// backoff (honouring `Retry-After` up to `Options.maxRetryDelay`), never once a stream has delivered data.
/// HTTP errors become `LLMError`s that carry the server's own message. The API key is never logged.
public final class HTTPModelClient: ModelClient {
    let logger: Logger
    let options: Options
    /// Up to 64 model requests at once keep their connections and threads for the next ones (with 8, a service
    /// under 64 concurrent chats made a new connection for about one request in eight and a new thread for one
    /// in five).
    let pool = CurlHandlePool(capacity: 64)

    /// Creates a client; `options` sets timeouts, retries and the user agent.
    public init(logger: Logger, options: Options = .init()) {
        self.logger = logger
        self.options = options
    }

    public func streamChat(_ request: ChatRequest, endpoint: ModelEndpoint) -> AsyncThrowingStream<
        ChatStreamEvent, any Error
    > {
        var request = request
        request.stream = true
        let spec = makeSpec(
            "POST", "/chat/completions", endpoint: endpoint, json: request.wireBytes, accept: "text/event-stream")
        let (stream, continuation) = AsyncThrowingStream<ChatStreamEvent, any Error>.makeStream()
        let task = Task {
            do {
                try await self.streamEvents(spec, endpoint: endpoint, into: continuation)
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    public func chat(_ request: ChatRequest, endpoint: ModelEndpoint) async throws -> ChatCompletion {
        var request = request
        request.stream = false
        let spec = makeSpec("POST", "/chat/completions", endpoint: endpoint, json: request.wireBytes)
        let body = try await perform(spec, endpoint: endpoint)
        let payload = try decode(ChatCompletionPayload.self, from: body, endpoint: endpoint)
        guard let completion = payload.completion else {
            throw LLMError(.malformedResponse, "The reply has no choices", endpoint: endpoint.baseURL)
        }
        return completion
    }

    public func listModels(endpoint: ModelEndpoint) async throws -> [String] {
        let body = try await perform(makeSpec("GET", "/models", endpoint: endpoint, json: nil), endpoint: endpoint)
        return try decode(ModelListPayload.self, from: body, endpoint: endpoint).data.map(\.id)
    }

    public func contextLengths(endpoint: ModelEndpoint) async throws -> [String: Int] {
        let body = try await perform(makeSpec("GET", "/models", endpoint: endpoint, json: nil), endpoint: endpoint)
        let models = try decode(ModelListPayload.self, from: body, endpoint: endpoint).data
        return Dictionary(
            models.compactMap { model in model.maxModelLen.map { (model.id, $0) } },
            uniquingKeysWith: { first, _ in first })
    }

    public func embeddings(model: String, inputs: [String], truncatePromptTokens: Int?, endpoint: ModelEndpoint)
        async throws -> [[Double]]
    {
        var fields: [String: JSONValue] = ["model": .string(model), "input": .array(inputs.map { .string($0) })]
        if let truncatePromptTokens { fields["truncate_prompt_tokens"] = .int(truncatePromptTokens) }
        let json = JSONValue.object(fields)
        let body = try await perform(
            makeSpec("POST", "/embeddings", endpoint: endpoint, json: json.jsonBytes(sortedKeys: true)),
            endpoint: endpoint)
        let items = try decode(EmbeddingsPayload.self, from: body, endpoint: endpoint).data
        guard items.count == inputs.count else {
            throw LLMError(
                .malformedResponse, "Expected \(inputs.count) embeddings, got \(items.count)",
                endpoint: endpoint.baseURL)
        }
        return items.enumerated().sorted { ($0.element.index ?? $0.offset) < ($1.element.index ?? $1.offset) }
            .map(\.element.embedding)
    }

    /// - Parameter json: the body, JSON text.
    func makeSpec(
        _ method: String, _ path: String, endpoint: ModelEndpoint, json: [UInt8]?, accept: String = "application/json"
    ) -> HTTPRequestSpec {
        var headers = ["Accept: \(accept)", "Expect:"]
        if json != nil { headers.append("Content-Type: application/json") }
        if let apiKey = endpoint.apiKey, !apiKey.isEmpty { headers.append("Authorization: Bearer \(apiKey)") }
        return HTTPRequestSpec(
            method: method, url: endpoint.baseURL + path, headers: headers,
            body: json)
    }

    private func decode<T: Decodable>(_ type: T.Type, from body: [UInt8], endpoint: ModelEndpoint) throws -> T {
        do {
            return try JSONValueDecoder().decode(T.self, from: JSONValue(parsing: body))
        } catch {
            let text = ChatChunkDecoder.excerpt(String(decoding: body, as: UTF8.self))
            throw LLMError(.malformedResponse, "Unexpected reply: \(text)", endpoint: endpoint.baseURL)
        }
    }
}
