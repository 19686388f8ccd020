/// Where an OpenAI-compatible server lives, and how to authenticate with it.
public struct ModelEndpoint: Hashable, Sendable {
    /// The base URL including `/v1`, for example `http://127.0.0.1:8000/v1`.
    public var baseURL: String
    /// Sent as `Authorization: Bearer ...` when set. Never logged.
    public var apiKey: String?

    public init(baseURL: String, apiKey: String? = nil) {
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        self.baseURL = url
        self.apiKey = apiKey
    }
}
