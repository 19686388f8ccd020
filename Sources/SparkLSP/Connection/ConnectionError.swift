/// Why a server-to-client (or client-to-server) request got no response.
public struct ConnectionError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: RawRepresentable, Hashable, Sendable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        /// No response within the timeout.
        public static let timedOut = Code(rawValue: "timedOut")
        /// The connection closed before the response arrived.
        public static let closed = Code(rawValue: "closed")
    }

    public var code: Code
    public var method: String

    public init(code: Code, method: String) {
        self.code = code
        self.method = method
    }

    public var description: String {
        code == .timedOut ? "\(method): no response before the timeout" : "\(method): the connection closed"
    }
}
