import AgentCore

/// How the service listens and what it allows: the flags of `spark-lsp serve --http` and the `SPARK_*`
/// variables below.
public struct ServiceSettings: Sendable {
    /// A setting that cannot be used; the service refuses to start and says why.
    public struct Invalid: Error, Hashable, Sendable, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// `--host` (`127.0.0.1`).
    public var host = "127.0.0.1"
    /// `--port` (8000; 0 picks a free port, which `onServerRunning` reports).
    public var port = 8000
    /// `SPARK_API_KEYS`: required on any address but loopback.
    public var apiKeys = APIKeys.none
    /// `SPARK_HTTP_MAX_BODY_BYTES` (1 MiB): larger bodies get 413.
    public var maxBodyBytes = 1 << 20
    /// `SPARK_HTTP_MAX_CONCURRENT` (4): chat requests one key (or, without keys, everyone) may run at once;
    /// one more gets 429 with `Retry-After`.
    public var maxConcurrentChats = 4
    /// `SPARK_HTTP_REQUEST_TIMEOUT` (600 s): the longest a chat request (streamed or not) may run.
    public var requestTimeout: Duration = .seconds(600)
    /// `SPARK_HTTP_IDLE_TIMEOUT` (75 s): a connection with no request in flight is closed after this.
    public var idleTimeout: Duration = .seconds(75)
    /// `SPARK_HTTP_SHUTDOWN_GRACE` (10 s): after SIGTERM, how long running requests and streams may go on before
    /// they are cancelled.
    public var shutdownGrace: Duration = .seconds(10)
    /// `SPARK_HTTP_CORS_ORIGINS`: origins allowed to call the API from a browser; none by default (no CORS
    /// headers at all).
    public var corsOrigins: [String] = []
    /// How long `GET /ready` reuses its last answer.
    public var readinessCacheDuration: Duration = .seconds(3)

    public init() {}

    /// The settings from the environment, then the flags given.
    /// - Throws: `Invalid` for a malformed value.
    public init(environment: [String: String], host: String?, port: Int?) throws(Invalid) {
        func value(_ name: String) -> String? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            return text
        }
        func number(_ name: String, range: ClosedRange<Int>) throws(Invalid) -> Int? {
            guard let text = value(name) else { return nil }
            guard let number = Int(text), range.contains(number) else {
                throw Invalid(
                    "\(name): expected a whole number from \(range.lowerBound) to \(range.upperBound), got \"\(text)\"")
            }
            return number
        }
        if let host { self.host = host }
        if let port { self.port = port }
        guard (0...65535).contains(self.port) else { throw Invalid("--port: expected 0 to 65535, got \(self.port)") }
        apiKeys = try APIKeys(parsing: value("SPARK_API_KEYS"))
        if let bytes = try number("SPARK_HTTP_MAX_BODY_BYTES", range: 64...(1 << 30)) { maxBodyBytes = bytes }
        if let count = try number("SPARK_HTTP_MAX_CONCURRENT", range: 1...10_000) { maxConcurrentChats = count }
        if let seconds = try number("SPARK_HTTP_REQUEST_TIMEOUT", range: 1...86_400) {
            requestTimeout = .seconds(seconds)
        }
        if let seconds = try number("SPARK_HTTP_IDLE_TIMEOUT", range: 1...86_400) { idleTimeout = .seconds(seconds) }
        if let seconds = try number("SPARK_HTTP_SHUTDOWN_GRACE", range: 0...3_600) { shutdownGrace = .seconds(seconds) }
        if let origins = value("SPARK_HTTP_CORS_ORIGINS") {
            corsOrigins = origins.split(separator: ",").map { String($0.filter { $0 != " " }) }.filter { !$0.isEmpty }
        }
        try check()
    }

    /// Whether `host` is a loopback address (`127.0.0.0/8`, `::1`, `localhost`).
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// Refuses what would expose the agents: any address but loopback without API keys.
    public func check() throws(Invalid) {
        if !isLoopback && apiKeys.isEmpty {
            throw Invalid(
                "refusing to listen on \(host) without API keys: set SPARK_API_KEYS (comma-separated owner:token entries, tokens of 16 characters or more), or listen on 127.0.0.1"
            )
        }
    }
}
