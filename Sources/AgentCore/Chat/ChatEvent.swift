/// What a chat turn reports while it runs, in order, for a front end to write in its wire format
/// (`spark/chatEvent`, `spark-lsp chat --json` lines, server-sent events).
///
/// Every turn ends with exactly one `done` (it finished) or one `error` (it failed or was cancelled).
public enum ChatEvent: Hashable, Sendable {
    /// A fragment of the answer.
    case delta(agent: String, text: String)
    /// A tool call is about to run; `call` has its complete arguments.
    case toolCall(agent: String, call: ToolCall)
    /// A tool call finished; `result` is what went back to the model.
    case toolResult(agent: String, call: ToolCall, result: ToolResult)
    /// The conversation was handed from one agent to another.
    case handoff(from: String, to: String)
    /// An agent's change to a file, and how it ended.
    case edit(agent: String, edit: AgentEdit)
    /// The turn failed (`message` says why) or was cancelled (`message` is `cancelled`).
    case error(agent: String, message: String)
    /// The turn finished.
    case done(agent: String, content: String, usage: Usage)

    /// `delta`, `toolCall`, `toolResult`, `handoff`, `edit`, `error` or `done`.
    public var kind: String {
        switch self {
        case .delta: "delta"
        case .toolCall: "toolCall"
        case .toolResult: "toolResult"
        case .handoff: "handoff"
        case .edit: "edit"
        case .error: "error"
        case .done: "done"
        }
    }

    /// The agent the event comes from (for a handoff, the one handing over).
    public var agent: String {
        switch self {
        case .delta(let agent, _), .toolCall(let agent, _), .toolResult(let agent, _, _), .edit(let agent, _),
            .error(let agent, _), .done(let agent, _, _):
            agent
        case .handoff(let from, _): from
        }
    }
}
