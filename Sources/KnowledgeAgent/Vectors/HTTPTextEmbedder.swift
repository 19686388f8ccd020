import AgentCore
import Synchronization

/// Embeds texts through an OpenAI-compatible `/v1/embeddings` endpoint (`EMBEDDING_MODEL` on
/// `EMBEDDING_ENDPOINT`) with the model client's libcurl transport.
///
/// The model's input limit is respected in one of two ways:
/// - **The server cuts** (vLLM): requests carry `truncate_prompt_tokens: -1`, and vLLM embeds the first tokens of a
///   longer input, as many as the model reads. Texts are sent up to `4 × maximumCharacters`.
/// - **Windows**, once a server refuses that field (a 400 naming it, or saying an input is too long: a server that
///   ignores the field): texts are cut to `maximumCharacters`, and when the server still answers 400 because an
///   input is too long, the batch is split in halves and each sent again, so that only the texts that are too long
///   are cut shorter (a single text's window is halved, down to 64 characters).
///
/// Connection failures, timeouts, 429 and 5xx answers are retried `retries` times; what still fails is thrown.
/// Vectors come back unit length.
public struct HTTPTextEmbedder: TextEmbedder {
    public let client: any ModelClient
    public let model: String
    public let endpoint: ModelEndpoint
    /// The most characters of a text the model reads (about 256 word-piece tokens): the window when the server
    /// does not cut inputs itself.
    public var maximumCharacters: Int
    /// Retries of a transient failure.
    public var retries: Int
    /// Whether the server cuts inputs itself, until it refuses `truncate_prompt_tokens`; shared by copies, so that
    /// one refusal is enough.
    private let serverCuts = ServerCutting()

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

    /// The model's name: where it is served is not part of it (`EmbedderFingerprint` tells two models of one name
    /// apart).
    public var identity: String { model }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        guard !texts.isEmpty else { return [] }
        var attempt = 0
        while true {
            try Task.checkCancellation()
            do {
                if serverCuts.value {
                    do {
                        let inputs = texts.map { Self.cut($0, to: 4 * maximumCharacters) }
                        return try await client.embeddings(
                            model: model, inputs: inputs, truncatePromptTokens: -1, endpoint: endpoint
                        ).map(Self.normalized)
                    } catch let error as LLMError where Self.refusesCutting(error) {
                        serverCuts.value = false
                    }
                }
                return try await embedInWindows(texts, window: maximumCharacters)
            } catch let error as LLMError where Self.isTransient(error) && attempt < retries {
                attempt += 1
                try await Task.sleep(for: .milliseconds(200 << attempt))
            }
        }
    }

    /// `texts` cut to `window` characters; a batch refused as too long is split in halves, a single text's window
    /// halved.
    private func embedInWindows(_ texts: [String], window: Int) async throws -> [[Float]] {
        do {
            return try await client.embeddings(
                model: model, inputs: texts.map { Self.cut($0, to: window) }, truncatePromptTokens: nil,
                endpoint: endpoint
            ).map(Self.normalized)
        } catch let error as LLMError where Self.isTooLong(error) && (texts.count > 1 || window > 64) {
            guard texts.count > 1 else { return try await embedInWindows(texts, window: window / 2) }
            let half = texts.count / 2
            return try await embedInWindows(Array(texts[..<half]), window: window)
                + embedInWindows(Array(texts[half...]), window: window)
        }
    }

    private static func cut(_ text: String, to window: Int) -> String {
        text.count > window ? String(text.prefix(window)) : text
    }

    /// A 400 that refuses `truncate_prompt_tokens` (a server that does not know it), or says an input is too long
    /// (a server that ignored it).
    static func refusesCutting(_ error: LLMError) -> Bool {
        guard error.httpStatus == 400 || error.httpStatus == 422 else { return false }
        return error.message.contains("truncate_prompt_tokens") || isTooLong(error)
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

/// Whether an embedding server cuts inputs itself: true until it refuses to.
private final class ServerCutting: Sendable {
    private let state = Mutex(true)

    var value: Bool {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }
}
