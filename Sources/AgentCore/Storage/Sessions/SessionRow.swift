#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// How a ``ChatMessage`` maps to a row of the `messages` table: text content in `content`, multimodal parts
/// and tool calls as JSON, the other fields in columns of their own.
enum SessionRow {
    /// The message columns of schema version 1, in the order ``message(from:offset:reasoning:)`` reads them.
    static let columns = "m.role, m.content, m.content_parts, m.name, m.tool_calls, m.tool_call_id, m.agent"
    /// The message columns of the current schema.
    static let allColumns = columns + ", m.reasoning_content"

    /// The values of ``allColumns`` for `message`.
    static func values(for message: ChatMessage) throws -> [SQLiteValue] {
        var text: String?
        var parts: String?
        switch message.content {
        case .text(let value): text = value
        case .parts(let value): parts = try encode(value)
        case nil: break
        }
        return [
            .text(message.role.rawValue), SQLiteValue(text), SQLiteValue(parts), SQLiteValue(message.name),
            SQLiteValue(try message.toolCalls.map(encode)), SQLiteValue(message.toolCallID),
            SQLiteValue(message.agent), SQLiteValue(message.reasoningContent),
        ]
    }

    /// The message in `row`, whose message columns start at `offset`.
    static func message(from row: SQLiteRow, offset: Int, reasoning: Bool = true) throws -> ChatMessage {
        let roleText = try row.string(offset)
        guard let role = ChatMessage.Role(rawValue: roleText) else {
            throw StorageError(code: .invalidData, message: "unknown message role '\(roleText)'")
        }
        var content: MessageContent? = row[offset + 1].stringValue.map { .text($0) }
        if let parts = row[offset + 2].stringValue {
            content = .parts(try decode([ContentPart].self, from: parts, column: "content_parts"))
        }
        return ChatMessage(
            role: role,
            content: content,
            name: row[offset + 3].stringValue,
            toolCalls: try row[offset + 4].stringValue.map {
                try decode([ToolCall].self, from: $0, column: "tool_calls")
            },
            toolCallID: row[offset + 5].stringValue,
            reasoningContent: reasoning ? row[offset + 7].stringValue : nil,
            agent: row[offset + 6].stringValue)
    }

    private static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw StorageError(code: .invalidData, message: "cannot encode a message", underlying: error)
        }
    }

    private static func decode<Value: Decodable>(_ type: Value.Type, from text: String, column: String) throws -> Value
    {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StorageError(
                code: .invalidData, message: "stored \(column) is not valid: \(text.prefix(200))", underlying: error)
        }
    }
}
