/// Where an OpenAI-compatible server lives, how to authenticate with it and how long to wait for it.
public struct ModelEndpoint: Hashable, Sendable {
    /// The base URL including `/v1`, for example `http://127.0.0.1:8000/v1`.
    public var baseURL: String
    /// Sent as `Authorization: Bearer ...` when set. Never logged.
    public var apiKey: String?
    /// Timeouts for requests to this server; those left `nil` are the client's own.
    public var timeouts: TimeoutSettings

    public init(baseURL: String, apiKey: String? = nil, timeouts: TimeoutSettings = TimeoutSettings()) {
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        self.baseURL = url
        self.apiKey = apiKey
        self.timeouts = timeouts
    }
}
