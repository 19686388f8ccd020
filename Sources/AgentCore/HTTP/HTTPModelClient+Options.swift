extension HTTPModelClient {
    /// Transport settings of an `HTTPModelClient`.
    public struct Options: Sendable {
        /// Timeouts for endpoints that bring none of their own (`ModelEndpoint.timeouts`).
        public var timeouts: TransportTimeouts
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
            connectTimeout: Duration = TransportTimeouts().connect,
            firstByteTimeout: Duration = TransportTimeouts().firstByte,
            idleTimeout: Duration = TransportTimeouts().idle,
            maxRetries: Int = 3,
            baseRetryDelay: Duration = .milliseconds(500),
            maxRetryDelay: Duration = .seconds(30),
            userAgent: String = "SparkLSP",
            willRetry: (@Sendable (_ attempt: Int, _ error: LLMError, _ delay: Duration) -> Void)? = nil
        ) {
            self.timeouts = TransportTimeouts(connect: connectTimeout, firstByte: firstByteTimeout, idle: idleTimeout)
            self.maxRetries = maxRetries
            self.baseRetryDelay = baseRetryDelay
            self.maxRetryDelay = maxRetryDelay
            self.userAgent = userAgent
            self.willRetry = willRetry
        }
    }
}
