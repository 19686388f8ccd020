/// Why a chat turn failed, with a code each front end maps to its wire format (a JSON-RPC error, an exit
/// status, an HTTP status) and a message the user can act on.
public struct ChatError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: RawRepresentable, Hashable, Sendable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The request itself is wrong: an empty message, an unknown agent or workflow.
        public static let invalidRequest = Code(rawValue: "invalidRequest")
        /// The request is well formed but an image it attaches is missing, unreadable or not an image.
        public static let invalidAttachment = Code(rawValue: "invalidAttachment")
        /// The configuration (file, environment, editor settings) is invalid.
        public static let configuration = Code(rawValue: "configuration")
        /// The sessions database could not be opened, read or written.
        public static let storage = Code(rawValue: "storage")
        /// The run failed: the model server, the turn limit, an engine error.
        public static let run = Code(rawValue: "run")
    }

    public var code: Code
    /// One line for the user: the cause and, for a failed run, the agent, its model and endpoint.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
