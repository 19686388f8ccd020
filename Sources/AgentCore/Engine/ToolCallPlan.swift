import SparkJSON

/// What the engine does with one tool call.
enum ToolCallPlan: Sendable {
    case handoff(Agent)
    case tool(any AgentTool, JSONValue)
    /// Answered without running anything (unknown tool, invalid arguments).
    case answered(ToolResult)
}

extension ToolCallPlan {
    var isHandoff: Bool {
        if case .handoff = self { return true }
        return false
    }
}
