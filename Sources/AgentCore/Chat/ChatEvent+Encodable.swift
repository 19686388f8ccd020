import SparkJSON

/// The JSON shape every front end gives an event: `kind`, `agent` and the kind's fields (see
/// `docs/protocol.md`). A front end adds its envelope (`sessionId`, `token`, ...) with
/// `encode(to:envelope:)`.
extension ChatEvent: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: ChatEventKey.self)
        try fields.encode(kind, forKey: "kind")
        try fields.encode(agent, forKey: "agent")
        switch self {
        case .delta(_, let text):
            try fields.encode(text, forKey: "text")
        case .toolCall(_, let call):
            try fields.encode(call.id, forKey: "id")
            try fields.encode(call.function.name, forKey: "name")
            try fields.encode(Self.parsedArguments(of: call), forKey: "arguments")
        case .progress(_, let progress):
            try fields.encode(progress.toolCallID, forKey: "id")
            try fields.encode(progress.toolName, forKey: "name")
            try fields.encode(progress.progress, forKey: "progress")
            try fields.encodeIfPresent(progress.total, forKey: "total")
            try fields.encodeIfPresent(progress.message, forKey: "message")
        case .toolResult(_, let call, let result):
            try fields.encode(call.id, forKey: "id")
            try fields.encode(call.function.name, forKey: "name")
            try fields.encode(result.content, forKey: "content")
            try fields.encode(result.isError, forKey: "isError")
            try fields.encodeIfPresent(result.value, forKey: "value")
        case .handoff(let from, let to):
            try fields.encode(from, forKey: "from")
            try fields.encode(to, forKey: "to")
        case .edit(_, let edit):
            try fields.encode(edit.path, forKey: "path")
            try fields.encode(edit.change.name, forKey: "change")
            try fields.encode(edit.applied, forKey: "applied")
            try fields.encodeIfPresent(edit.message, forKey: "message")
        case .error(_, let message):
            try fields.encode(message, forKey: "message")
        case .citation(_, let citation):
            try citation.encodeFields(into: &fields)
        case .done(_, let content, let usage, let citations):
            try fields.encode(content, forKey: "content")
            try fields.encode(usage, forKey: "usage")
            if !citations.isEmpty { try fields.encode(citations, forKey: "citations") }
        }
    }

    /// The call's arguments as JSON, or the text the model wrote when it is not JSON.
    private static func parsedArguments(of call: ToolCall) -> JSONValue {
        (try? JSONValue(parsing: call.function.arguments)) ?? .string(call.function.arguments)
    }
}

extension ChatEvent {
    /// Encodes the event's fields, then a front end's `envelope` fields (`sessionId`, `token`, ...; absent
    /// values left out), into one JSON object.
    public func encode(to encoder: any Encoder, envelope: KeyValuePairs<String, String?>) throws {
        try encode(to: encoder)
        var fields = encoder.container(keyedBy: ChatEventKey.self)
        for (key, value) in envelope {
            try fields.encodeIfPresent(value, forKey: ChatEventKey(stringValue: key))
        }
    }
}

/// A key of a chat event's JSON object, any name: the event's fields and a front end's envelope share it.
public struct ChatEventKey: CodingKey, ExpressibleByStringLiteral, Sendable {
    public var stringValue: String
    public var intValue: Int? { nil }

    public init(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
    public init(stringLiteral value: String) { stringValue = value }
}
