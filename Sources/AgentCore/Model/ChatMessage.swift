/// One message of an OpenAI-compatible chat conversation.
public struct ChatMessage: Hashable, Sendable, Codable {
    /// Who wrote the message.
    public enum Role: String, Hashable, Sendable, Codable {
        case system, user, assistant, tool
    }

    public var role: Role
    /// Text or multimodal parts; `nil` for an assistant message that only calls tools.
    public var content: MessageContent?
    /// Optional participant name.
    public var name: String?
    /// Tool calls an assistant message makes.
    public var toolCalls: [ToolCall]?
    /// For `tool` messages: the id of the call this message answers.
    public var toolCallID: String?
    /// Reasoning text some models send (`reasoning_content`), kept apart from `content`.
    /// Never sent back to the model.
    public var reasoningContent: String?
    /// The agent that produced an assistant message (stored in sessions, never sent to the model).
    public var agent: String?

    public init(
        role: Role,
        content: MessageContent? = nil,
        name: String? = nil,
        toolCalls: [ToolCall]? = nil,
        toolCallID: String? = nil,
        reasoningContent: String? = nil,
        agent: String? = nil
    ) {
        self.role = role
        self.content = content
        self.name = name
        self.toolCalls = toolCalls
        self.toolCallID = toolCallID
        self.reasoningContent = reasoningContent
        self.agent = agent
    }

    public static func system(_ text: String) -> ChatMessage { ChatMessage(role: .system, content: .text(text)) }
    public static func user(_ text: String) -> ChatMessage { ChatMessage(role: .user, content: .text(text)) }
    public static func assistant(_ text: String?, toolCalls: [ToolCall]? = nil, agent: String? = nil) -> ChatMessage {
        ChatMessage(role: .assistant, content: text.map { .text($0) }, toolCalls: toolCalls, agent: agent)
    }
    public static func tool(callID: String, name: String? = nil, _ text: String) -> ChatMessage {
        ChatMessage(role: .tool, content: .text(text), name: name, toolCallID: callID)
    }

    /// The plain text of the content (text parts joined), or `""`.
    public var text: String {
        switch content {
        case .text(let text): return text
        case .parts(let parts):
            return parts.compactMap { if case .text(let text) = $0 { text } else { nil } }.joined()
        case nil: return ""
        }
    }

    enum CodingKeys: String, CodingKey {
        case role, content, name
        case toolCalls = "tool_calls"
        case toolCallID = "tool_call_id"
        case reasoningContent = "reasoning_content"
        case agent
    }
}

/// A message's content: plain text or multimodal parts.
public enum MessageContent: Hashable, Sendable, Codable {
    case text(String)
    case parts([ContentPart])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .text(text)
        } else {
            self = .parts(try container.decode([ContentPart].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .parts(let parts): try container.encode(parts)
        }
    }
}

/// One part of multimodal content.
public enum ContentPart: Hashable, Sendable, Codable {
    case text(String)
    /// An image by URL; `data:image/png;base64,...` URLs carry the image inline.
    case imageURL(url: String, detail: String? = nil)

    private enum CodingKeys: String, CodingKey { case type, text, imageURL = "image_url" }
    private struct ImageURL: Codable { var url: String; var detail: String? }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .type) {
        case "text": self = .text(try container.decode(String.self, forKey: .text))
        case "image_url":
            let image = try container.decode(ImageURL.self, forKey: .imageURL)
            self = .imageURL(url: image.url, detail: image.detail)
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "Unknown content part type '\(other)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let text):
            try container.encode("text", forKey: .type)
            try container.encode(text, forKey: .text)
        case .imageURL(let url, let detail):
            try container.encode("image_url", forKey: .type)
            try container.encode(ImageURL(url: url, detail: detail), forKey: .imageURL)
        }
    }
}
