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
    /// Reports how far the call has got (`progress`, `total`, `message`); the engine makes each report a
    /// `toolProgress` run event of this call. Does nothing outside a run.
    public var reportProgress: @Sendable (_ progress: Double, _ total: Double?, _ message: String?) -> Void

    public init(
        variables: [String: JSONValue] = [:], sessionID: String, agentName: String, toolCallID: String,
        reportProgress: @escaping @Sendable (_ progress: Double, _ total: Double?, _ message: String?) -> Void = {
            _, _, _ in
        }
    ) {
        self.variables = variables
        self.sessionID = sessionID
        self.agentName = agentName
        self.toolCallID = toolCallID
        self.reportProgress = reportProgress
    }
}
