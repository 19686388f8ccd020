/// The `transfer_to_<agent>` tools through which a model hands the conversation over.
public enum Handoff {
    /// The prefix of every transfer tool's name.
    public static let toolPrefix = "transfer_to_"

    /// The tool name that transfers to `agent`.
    public static func toolName(for agent: String) -> String {
        toolPrefix + agent
    }

    /// The definition the model sees for a transfer to `target`.
    public static func definition(for target: Agent) -> ToolDefinition {
        let summary = target.description.isEmpty ? "the \(target.name) agent" : target.description
        return ToolDefinition(
            name: toolName(for: target.name),
            description: "Transfer the conversation to the \(target.name) agent: \(summary)",
            parameters: ["type": "object", "properties": [:]]
        )
    }
}
