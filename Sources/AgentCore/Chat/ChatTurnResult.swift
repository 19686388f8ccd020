/// How a chat turn ended.
public struct ChatTurnResult: Hashable, Sendable {
    /// The session the turn belongs to (the fresh id when the request named none).
    public var sessionID: String
    /// The agent active at the end; it answers the session's next message.
    public var agent: String
    /// The final answer.
    public var content: String
    /// Every change the agents asked for, applied or not, in order.
    public var edits: [AgentEdit]
    /// Token usage summed over every model call of the turn.
    public var usage: Usage
    /// The passages cited during the turn that the answer refers to (by path or document id).
    public var citations: [Citation] = []
    /// Something the user should know although the turn finished (it could not be saved).
    public var notice: String?

    public init(sessionID: String, agent: String, content: String, edits: [AgentEdit], usage: Usage) {
        self.sessionID = sessionID
        self.agent = agent
        self.content = content
        self.edits = edits
        self.usage = usage
    }
}
