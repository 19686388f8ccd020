import AgentCore

/// Stands in for the HTTP client on branches that do not have it.
struct UnavailableModelClient: ModelClient {
    private var error: LLMError { LLMError(.connectionFailed, "this build has no HTTP model client") }

    func streamChat(_ request: ChatRequest, endpoint: ModelEndpoint) -> AsyncThrowingStream<ChatStreamEvent, any Error>
    {
        AsyncThrowingStream { $0.finish(throwing: error) }
    }

    func chat(_ request: ChatRequest, endpoint: ModelEndpoint) async throws -> ChatCompletion { throw error }
    func listModels(endpoint: ModelEndpoint) async throws -> [String] { throw error }
    func embeddings(model: String, inputs: [String], endpoint: ModelEndpoint) async throws -> [[Double]] { throw error }
}
