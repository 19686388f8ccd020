/// An error talking to a model server, with the server's own message when it sent one.
public struct LLMError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, extensible.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The server could not be reached (refused, DNS, TLS).
        public static let connectionFailed = Code(rawValue: "connectionFailed")
        /// Connect, first-byte or idle timeout.
        public static let timeout = Code(rawValue: "timeout")
        /// The configured model is not served (404 / "model does not exist").
        public static let modelNotFound = Code(rawValue: "modelNotFound")
        /// 429 after retries.
        public static let rateLimited = Code(rawValue: "rateLimited")
        /// Any other HTTP error status.
        public static let httpError = Code(rawValue: "httpError")
        /// The reply was not what the OpenAI wire format says.
        public static let malformedResponse = Code(rawValue: "malformedResponse")
        /// The stream ended before `[DONE]` or a finish reason.
        public static let streamInterrupted = Code(rawValue: "streamInterrupted")
    }

    public var code: Code
    /// A human-readable cause, the server's own message when it sent one.
    public var message: String
    /// The HTTP status, when there was one.
    public var httpStatus: Int?
    /// The endpoint's base URL, so the user sees where it failed.
    public var endpoint: String?

    public init(_ code: Code, _ message: String, httpStatus: Int? = nil, endpoint: String? = nil) {
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.endpoint = endpoint
    }

    public var description: String {
        var text = message
        if let httpStatus { text = "HTTP \(httpStatus): " + text }
        if let endpoint { text += " (\(endpoint))" }
        return text
    }
}
