import SparkJSON

/// What the engine hands a tool besides its arguments.
public struct ToolContext: Sendable {
    /// The run's context variables (hidden from the model's schema).
    public var variables: [String: JSONValue]
    /// The conversation's session id (per-session state such as the Python REPL keys on it).
    public var sessionID: String
    /// The agent calling the tool.
    public var agentName: String
    /// The id of the tool call being answered.
    public var toolCallID: String

    public init(variables: [String: JSONValue] = [:], sessionID: String, agentName: String, toolCallID: String) {
        self.variables = variables
        self.sessionID = sessionID
        self.agentName = agentName
        self.toolCallID = toolCallID
    }
}
