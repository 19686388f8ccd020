extension HTTPModelClient {
    /// Transport settings of an `HTTPModelClient`.
    public struct Options: Sendable {
        /// Longest wait for the TCP connection.
        public var connectTimeout: Duration
        /// Longest wait from the start of a request to the first byte of the response body (covers the prompt's
        /// prefill, also when the server sends its headers at once).
        public var firstByteTimeout: Duration
        /// Longest silence between two received body bytes once the body has started.
        public var idleTimeout: Duration
        /// Retries after a refused connection, 429 or 503 (never once a stream has delivered data).
        public var maxRetries: Int
        /// The first retry's delay; each further retry doubles it.
        public var baseRetryDelay: Duration
        /// The cap on any retry delay, including one a `Retry-After` header asks for.
        public var maxRetryDelay: Duration
        /// The `User-Agent` header.
        public var userAgent: String
        /// Called before each retry with the attempt number (1-based), the error and the delay (a test hook).
        public var willRetry: (@Sendable (_ attempt: Int, _ error: LLMError, _ delay: Duration) -> Void)?

        public init(
            connectTimeout: Duration = .seconds(10),
            firstByteTimeout: Duration = .seconds(600),
            idleTimeout: Duration = .seconds(120),
            maxRetries: Int = 3,
            baseRetryDelay: Duration = .milliseconds(500),
            maxRetryDelay: Duration = .seconds(30),
            userAgent: String = "SparkLSP",
            willRetry: (@Sendable (_ attempt: Int, _ error: LLMError, _ delay: Duration) -> Void)? = nil
        ) {
            self.connectTimeout = connectTimeout
            self.firstByteTimeout = firstByteTimeout
            self.idleTimeout = idleTimeout
            self.maxRetries = maxRetries
            self.baseRetryDelay = baseRetryDelay
            self.maxRetryDelay = maxRetryDelay
            self.userAgent = userAgent
            self.willRetry = willRetry
        }
    }
}
