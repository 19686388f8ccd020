import SparkJSON

/// What a tool call produced.
public struct ToolResult: Hashable, Sendable {
    /// The text sent back to the model as the tool message.
    public var content: String
    /// A structured value for programmatic consumers (events, tests), when the tool has one.
    public var value: JSONValue?
    /// The agent to hand the conversation to (a handoff), by name.
    public var handoff: String?
    /// Context variables to set for the rest of the run.
    public var contextUpdates: [String: JSONValue]
    /// Whether the call failed (the content explains why; refusals begin with `refused:`).
    public var isError: Bool
    /// The passages the result quotes (knowledge-base tools); front ends report each as a `citation` event.
    public var citations: [Citation]

    public init(
        _ content: String,
        value: JSONValue? = nil,
        handoff: String? = nil,
        contextUpdates: [String: JSONValue] = [:],
        isError: Bool = false,
        citations: [Citation] = []
    ) {
        self.content = content
        self.value = value
        self.handoff = handoff
        self.contextUpdates = contextUpdates
        self.isError = isError
        self.citations = citations
    }

    /// A failed call whose message lets the model correct itself.
    public static func error(_ message: String) -> ToolResult {
        ToolResult("error: " + message, isError: true)
    }

    /// A call refused by a security check; the reason is shown to the model and the user.
    public static func refused(_ reason: String) -> ToolResult {
        ToolResult("refused: " + reason, isError: true)
    }
}
