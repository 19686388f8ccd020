/// What a chat turn reports while it runs, in order, for a front end to write in its wire format
/// (`spark/chatEvent`, `spark-lsp chat --json` lines, server-sent events).
///
/// Every turn ends with exactly one `done` (it finished) or one `error` (it failed or was cancelled).
public enum ChatEvent: Hashable, Sendable {
    /// A fragment of the answer.
    case delta(agent: String, text: String)
    /// A tool call is about to run; `call` has its complete arguments.
    case toolCall(agent: String, call: ToolCall)
    /// A running tool call reported how far it has got (an MCP server's progress), between its `toolCall` and its
    /// `toolResult`.
    case progress(agent: String, progress: ToolProgress)
    /// A tool call finished; `result` is what went back to the model.
    case toolResult(agent: String, call: ToolCall, result: ToolResult)
    /// The conversation was handed from one agent to another.
    case handoff(from: String, to: String)
    /// An agent's change to a file, and how it ended.
    case edit(agent: String, edit: AgentEdit)
    /// The turn failed (`message` says why) or was cancelled (`message` is `cancelled`).
    case error(agent: String, message: String)
    /// A passage a tool's result cites (one event per cited chunk, right after the tool's `toolResult`).
    case citation(agent: String, citation: Citation)
    /// The turn finished; `citations` are the passages of the turn the answer refers to.
    case done(agent: String, content: String, usage: Usage, citations: [Citation] = [])

    /// `delta`, `toolCall`, `progress`, `toolResult`, `handoff`, `edit`, `citation`, `error` or `done`.
    public var kind: String {
        switch self {
        case .delta: "delta"
        case .toolCall: "toolCall"
        case .progress: "progress"
        case .toolResult: "toolResult"
        case .handoff: "handoff"
        case .edit: "edit"
        case .citation: "citation"
        case .error: "error"
        case .done: "done"
        }
    }

    /// The agent the event comes from (for a handoff, the one handing over).
    public var agent: String {
        switch self {
        case .delta(let agent, _), .toolCall(let agent, _), .progress(let agent, _), .toolResult(let agent, _, _),
            .edit(let agent, _),
            .citation(let agent, _), .error(let agent, _), .done(let agent, _, _, _):
            agent
        case .handoff(let from, _): from
        }
    }
}
