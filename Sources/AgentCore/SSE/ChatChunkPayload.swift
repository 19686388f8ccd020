/// The wire shape of one `chat.completion.chunk` (and of an error event sent mid-stream).
struct ChatChunkPayload: Decodable {
    struct Choice: Decodable {
        var delta: Delta?
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case delta
            case finishReason = "finish_reason"
        }
    }

    struct Delta: Decodable {
        var content: String?
        var reasoningContent: String?
        /// Newer vLLM releases name the reasoning field `reasoning`.
        var reasoning: String?
        var toolCalls: [ToolCallDeltaPayload]?

        enum CodingKeys: String, CodingKey {
            case content
            case reasoningContent = "reasoning_content"
            case reasoning
            case toolCalls = "tool_calls"
        }
    }

    struct ToolCallDeltaPayload: Decodable {
        struct Function: Decodable {
            var name: String?
            var arguments: String?
        }
        var index: Int?
        var id: String?
        var function: Function?
    }

    var choices: [Choice]?
    var usage: Usage?
    /// OpenAI's `{"error": {...}}`.
    var error: ServerErrorBody.Nested?
    /// vLLM's `{"object": "error", "message": ...}`.
    var object: String?
    var message: String?
}
