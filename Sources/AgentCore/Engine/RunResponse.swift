import SparkJSON

/// The outcome of a finished run.
public struct RunResponse: Hashable, Sendable {
    /// The messages the run added (assistant and tool messages), in order.
    public var messages: [ChatMessage]
    /// The agent active at the end, which answers the next user message.
    public var agent: String
    /// The context variables at the end of the run.
    public var contextVariables: [String: JSONValue]
    /// Token usage summed over every model call.
    public var usage: Usage

    public init(messages: [ChatMessage], agent: String, contextVariables: [String: JSONValue], usage: Usage) {
        self.messages = messages
        self.agent = agent
        self.contextVariables = contextVariables
        self.usage = usage
    }

    /// The final answer: the text of the last assistant message.
    public var content: String {
        messages.last { $0.role == .assistant }?.text ?? ""
    }
}
