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

    /// Embeddings for `inputs` (`POST /v1/embeddings`), one vector per input.
    func embeddings(model: String, inputs: [String], endpoint: ModelEndpoint) async throws -> [[Double]]
}
