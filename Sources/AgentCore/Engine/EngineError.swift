/// A run that could not finish.
public struct EngineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, extensible.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The run used all its turns without a final answer.
        public static let turnLimitExceeded = Code(rawValue: "turnLimitExceeded")
        /// The run was asked to start with an agent that is not registered.
        public static let unknownAgent = Code(rawValue: "unknownAgent")
    }

    public var code: Code
    public var message: String
    /// The messages the run had added before it failed, so a caller can keep them.
    public var partialMessages: [ChatMessage]

    public init(_ code: Code, _ message: String, partialMessages: [ChatMessage] = []) {
        self.code = code
        self.message = message
        self.partialMessages = partialMessages
    }

    public var description: String { message }
}
