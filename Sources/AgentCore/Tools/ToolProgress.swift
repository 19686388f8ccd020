/// How far a running tool call has got, as the tool reports it (an MCP server's `notifications/progress`).
public struct ToolProgress: Hashable, Sendable {
    /// The id of the tool call reporting.
    public var toolCallID: String
    /// The tool's name as the model called it (`git__git_log`).
    public var toolName: String
    /// The progress so far; it grows with every report of one call.
    public var progress: Double
    /// The progress at the end, when the tool knows it.
    public var total: Double?
    /// What the tool is doing now, in words.
    public var message: String?

    public init(toolCallID: String, toolName: String, progress: Double, total: Double? = nil, message: String? = nil) {
        self.toolCallID = toolCallID
        self.toolName = toolName
        self.progress = progress
        self.total = total
        self.message = message
    }

    /// `message (2/3)`, `message`, `2/3` or `2`: one line for a progress bar or a status line.
    public var summary: String {
        let count = total.map { "\(Self.number(progress))/\(Self.number($0))" } ?? Self.number(progress)
        guard let message, !message.isEmpty else { return count }
        return "\(message) (\(count))"
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
