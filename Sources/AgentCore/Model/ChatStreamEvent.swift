/// What a streamed chat completion yields, one model chunk at a time.
public enum ChatStreamEvent: Hashable, Sendable {
    /// A fragment of the assistant's text.
    case contentDelta(String)
    /// A fragment of reasoning text (`reasoning_content`), kept apart from content.
    case reasoningDelta(String)
    /// A fragment of a tool call, to be assembled by `index`.
    case toolCallDelta(ToolCallDelta)
    /// The choice finished (`finish_reason`: `stop`, `tool_calls`, `length`, ...).
    case finished(reason: String?)
    /// Token usage (the final chunk with `stream_options.include_usage`).
    case usage(Usage)
}

/// One `delta.tool_calls[]` entry of a stream chunk.
public struct ToolCallDelta: Hashable, Sendable {
    public var index: Int
    public var id: String?
    public var name: String?
    public var argumentsFragment: String?

    public init(index: Int, id: String? = nil, name: String? = nil, argumentsFragment: String? = nil) {
        self.index = index
        self.id = id
        self.name = name
        self.argumentsFragment = argumentsFragment
    }
}

/// Token counts of a completion.
public struct Usage: Hashable, Sendable, Codable {
    public var promptTokens: Int
    public var completionTokens: Int
    public var totalTokens: Int

    public init(promptTokens: Int, completionTokens: Int, totalTokens: Int? = nil) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.totalTokens = totalTokens ?? Self.sum(promptTokens, completionTokens)
    }

    /// Adds two usages, for a run's total.
    public static func + (lhs: Usage, rhs: Usage) -> Usage {
        Usage(
            promptTokens: sum(lhs.promptTokens, rhs.promptTokens),
            completionTokens: sum(lhs.completionTokens, rhs.completionTokens),
            totalTokens: sum(lhs.totalTokens, rhs.totalTokens))
    }

    /// The counts come from the server: a sum past `Int`'s range stops at its bound instead of trapping.
    private static func sum(_ lhs: Int, _ rhs: Int) -> Int {
        let (result, overflow) = lhs.addingReportingOverflow(rhs)
        guard overflow else { return result }
        return lhs < 0 ? Int.min : Int.max
    }

    enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
        case totalTokens = "total_tokens"
    }
}

/// A complete (non-streamed) chat completion.
public struct ChatCompletion: Hashable, Sendable {
    public var message: ChatMessage
    public var finishReason: String?
    public var usage: Usage?
    /// The model that answered, as the server names it.
    public var model: String?

    public init(message: ChatMessage, finishReason: String?, usage: Usage?, model: String? = nil) {
        self.message = message
        self.finishReason = finishReason
        self.usage = usage
        self.model = model
    }
}
