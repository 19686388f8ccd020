import SparkJSON

/// The reply to `spark/session`.
public struct SessionHistory: Codable, Hashable, Sendable {
    public var id: String
    public var agent: String?
    /// `{ role, content, agent?, toolCalls?, toolCallId? }` per message.
    public var messages: [JSONValue]

    public init(id: String, agent: String?, messages: [JSONValue]) {
        self.id = id
        self.agent = agent
        self.messages = messages
    }
}
