import AgentCore

/// The reply to `spark/chat` and to the `spark.codeAction` / `spark.chat` commands.
public struct ChatResult: Codable, Hashable, Sendable {
    public var sessionId: String
    /// The agent active at the end (it answers the next message of the session).
    public var agent: String
    /// The whole final answer.
    public var content: String
    /// Every change the agents asked for, applied or not.
    public var edits: [ChatEdit]
    public var usage: Usage

    public init(sessionId: String, agent: String, content: String, edits: [ChatEdit], usage: Usage) {
        self.sessionId = sessionId
        self.agent = agent
        self.content = content
        self.edits = edits
        self.usage = usage
    }
}
