/// One conversation in `spark/sessions`; times in ISO 8601.
public struct SessionListEntry: Codable, Hashable, Sendable {
    public var id: String
    public var title: String?
    /// The agent the conversation continues with.
    public var agent: String?
    public var messageCount: Int
    public var createdAt: String
    public var updatedAt: String

    public init(id: String, title: String?, agent: String?, messageCount: Int, createdAt: String, updatedAt: String) {
        self.id = id
        self.title = title
        self.agent = agent
        self.messageCount = messageCount
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
