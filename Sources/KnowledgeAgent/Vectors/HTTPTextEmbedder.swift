import AgentCore

/// Embeds texts through an OpenAI-compatible `/v1/embeddings` endpoint (`EMBEDDING_MODEL` on
/// `EMBEDDING_ENDPOINT`) with the model client's libcurl transport.
///
/// Texts are cut to `maximumCharacters` before they are sent (a window the model's input limit holds); when the
/// server still answers 400 because an input is too long, the window is halved and the batch sent again.
/// Connection failures, timeouts, 429 and 5xx answers are retried `retries` times; what still fails is thrown.
/// Vectors come back unit length.
public struct HTTPTextEmbedder: TextEmbedder {
    public let client: any ModelClient
    public let model: String
    public let endpoint: ModelEndpoint
    /// The most characters of a text the model reads (about 256 word-piece tokens).
    public var maximumCharacters: Int
    /// Retries of a transient failure.
    public var retries: Int

    public init(
        client: any ModelClient, model: String, endpoint: ModelEndpoint, maximumCharacters: Int = 1000,
        retries: Int = 2
    ) {
        self.client = client
        self.model = model
        self.endpoint = endpoint
        self.maximumCharacters = maximumCharacters
        self.retries = retries
    }

    public var identity: String { "\(model)@\(endpoint.baseURL)" }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        guard !texts.isEmpty else { return [] }
        var window = maximumCharacters
        var attempt = 0
        while true {
            try Task.checkCancellation()
            let inputs = texts.map { $0.count > window ? String($0.prefix(window)) : $0 }
            do {
                let vectors = try await client.embeddings(model: model, inputs: inputs, endpoint: endpoint)
                return vectors.map(Self.normalized)
            } catch let error as LLMError where Self.isTooLong(error) && window > 64 {
                window /= 2
            } catch let error as LLMError where Self.isTransient(error) && attempt < retries {
                attempt += 1
                try await Task.sleep(for: .milliseconds(200 << attempt))
            }
        }
    }

    /// A 400 that says an input exceeds the model's context.
    static func isTooLong(_ error: LLMError) -> Bool {
        guard error.httpStatus == 400 else { return false }
        let message = error.message.lowercased()
        return ["too long", "maximum context", "context length", "exceeds", "token"].contains { message.contains($0) }
    }

    /// A failure that may pass: the server unreachable or slow, rate limits, 5xx.
    static func isTransient(_ error: LLMError) -> Bool {
        switch error.code {
        case .connectionFailed, .timeout, .rateLimited, .streamInterrupted: return true
        default: return (error.httpStatus ?? 0) >= 500
        }
    }

    static func normalized(_ vector: [Double]) -> [Float] {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return vector.map { Float($0) } }
        return vector.map { Float($0 / norm) }
    }
}
