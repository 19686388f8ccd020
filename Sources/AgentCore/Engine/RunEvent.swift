/// What a run reports while it goes, in order.
///
/// A successful run ends with `.done`; a failed one with `.error` (and the stream then throws
/// the error). A cancelled run ends by throwing `CancellationError`.
public enum RunEvent: Hashable, Sendable {
    /// A fragment of the assistant's answer.
    case textDelta(agent: String, text: String)
    /// A fragment of the model's reasoning (`reasoning_content`).
    case reasoningDelta(agent: String, text: String)
    /// The model began a tool call (its name is known, its arguments follow).
    case toolCallStarted(agent: String, index: Int, id: String, name: String)
    /// A fragment of a tool call's JSON arguments.
    case toolCallArguments(agent: String, index: Int, id: String, fragment: String)
    /// A tool call is about to run (or be answered): `call` carries its complete arguments. Comes before
    /// anything the tool does (an edit, an approval question) and before its `toolResult`.
    case toolCall(agent: String, call: ToolCall)
    /// A running tool call reported how far it has got (between its `toolCall` and its `toolResult`).
    case toolProgress(agent: String, progress: ToolProgress)
    /// A tool call finished; `call` carries its complete arguments, `result` what went back to the model.
    case toolResult(agent: String, call: ToolCall, result: ToolResult)
    /// The conversation was handed from one agent to another.
    case handoff(from: String, to: String)
    /// The next turn runs with this agent.
    case agentSwitched(to: String)
    /// Token usage of one model call.
    case usage(Usage)
    /// The run finished.
    case done(RunResponse)
    /// The run failed; the message says why (for example the endpoint and the cause).
    case error(agent: String, message: String)
}
