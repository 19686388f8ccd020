/// How the engine runs.
public struct RunOptions: Hashable, Sendable {
    /// Model calls allowed in one run when neither the call nor the starting agent says otherwise.
    public var maxTurns: Int
    /// When the configured model is not served, use the first model the server lists
    /// (with a logged warning). `SPARK_MODEL_FALLBACK=false` turns it off.
    public var modelFallback: Bool
    /// After an agent has called tools, its forced `tool_choice` (`required` or a named
    /// function) relaxes to `auto`, so a forced agent cannot loop until the turn limit
    /// (a lesson of the Agents SDK).
    public var resetToolChoice: Bool
    /// Parse tool calls that a model wrote as text (hermes `<tool_call>` blocks, bare JSON).
    public var parseTextToolCalls: Bool

    public init(
        maxTurns: Int = 10, modelFallback: Bool = true, resetToolChoice: Bool = true, parseTextToolCalls: Bool = true
    ) {
        self.maxTurns = maxTurns
        self.modelFallback = modelFallback
        self.resetToolChoice = resetToolChoice
        self.parseTextToolCalls = parseTextToolCalls
    }
}
