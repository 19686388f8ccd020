/// A client of an OpenAI-compatible model server.
///
/// The production implementation speaks HTTP through libcurl; tests may substitute their own.
public protocol ModelClient: Sendable {
    /// Streams a chat completion. Cancelling the consuming task aborts the transfer.
    func streamChat(_ request: ChatRequest, endpoint: ModelEndpoint) -> AsyncThrowingStream<ChatStreamEvent, any Error>

    /// A complete chat completion (`stream: false`).
    func chat(_ request: ChatRequest, endpoint: ModelEndpoint) async throws -> ChatCompletion

    /// The ids of the models the server serves (`GET /v1/models`), in the server's order.
    func listModels(endpoint: ModelEndpoint) async throws -> [String]

    /// The context length, in tokens, of each model the server serves and states it for (vLLM's `max_model_len` in
    /// `GET /v1/models`); models without one are left out. A client that cannot tell returns none.
    func contextLengths(endpoint: ModelEndpoint) async throws -> [String: Int]

    /// Embeddings for `inputs` (`POST /v1/embeddings`), one vector per input. With `truncatePromptTokens`,
    /// vLLM embeds only the first that many tokens of a longer input (`truncate_prompt_tokens`; -1: as many as
    /// the model reads; a pooling model keeps the first) instead of refusing it with HTTP 400 (all-MiniLM-L6-v2
    /// takes at most 256).
    func embeddings(model: String, inputs: [String], truncatePromptTokens: Int?, endpoint: ModelEndpoint) async throws
        -> [[Double]]
}

extension ModelClient {
    /// None known: callers fall back to their own assumption.
    public func contextLengths(endpoint: ModelEndpoint) async throws -> [String: Int] { [:] }

    /// Embeddings for `inputs`, each within the model's input limit.
    public func embeddings(model: String, inputs: [String], endpoint: ModelEndpoint) async throws -> [[Double]] {
        try await embeddings(model: model, inputs: inputs, truncatePromptTokens: nil, endpoint: endpoint)
    }
}
