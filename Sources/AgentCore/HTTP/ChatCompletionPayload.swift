/// The wire shape of a non-streamed `chat.completion`.
struct ChatCompletionPayload: Decodable {
    struct Choice: Decodable {
        var message: Message
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case message
            case finishReason = "finish_reason"
        }
    }

    struct Message: Decodable {
        var role: ChatMessage.Role?
        var content: String?
        var reasoningContent: String?
        var reasoning: String?
        var toolCalls: [ToolCall]?

        enum CodingKeys: String, CodingKey {
            case role, content, reasoning
            case reasoningContent = "reasoning_content"
            case toolCalls = "tool_calls"
        }
    }

    var choices: [Choice]
    var usage: Usage?
    var model: String?

    /// The first choice as a `ChatCompletion`, or `nil` when the server sent no choice.
    var completion: ChatCompletion? {
        guard let choice = choices.first else { return nil }
        let message = ChatMessage(
            role: choice.message.role ?? .assistant,
            content: choice.message.content.map { .text($0) },
            toolCalls: (choice.message.toolCalls?.isEmpty ?? true) ? nil : choice.message.toolCalls,
            reasoningContent: choice.message.reasoningContent ?? choice.message.reasoning)
        return ChatCompletion(message: message, finishReason: choice.finishReason, usage: usage, model: model)
    }
}
