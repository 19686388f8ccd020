#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// How a ``ChatMessage`` maps to a row of the `messages` table: text content in `content`, multimodal parts
/// and tool calls as JSON, the other fields in columns of their own. Every session store (SQLite here,
/// PostgreSQL in the service) stores the same columns through ``Columns``.
package enum SessionRow {
    /// The message columns of schema version 1, in the order ``message(from:offset:reasoning:)`` reads them.
    package static let columns = "m.role, m.content, m.content_parts, m.name, m.tool_calls, m.tool_call_id, m.agent"
    /// The message columns of the current schema.
    package static let allColumns = columns + ", m.reasoning_content"

    /// A message's column values, in the order of ``allColumns``.
    package struct Columns: Sendable, Equatable {
        package var role: String
        package var content: String?
        package var contentParts: String?
        package var name: String?
        package var toolCalls: String?
        package var toolCallID: String?
        package var agent: String?
        package var reasoningContent: String?

        package init(
            role: String, content: String?, contentParts: String?, name: String?, toolCalls: String?,
            toolCallID: String?, agent: String?, reasoningContent: String?
        ) {
            self.role = role
            self.content = content
            self.contentParts = contentParts
            self.name = name
            self.toolCalls = toolCalls
            self.toolCallID = toolCallID
            self.agent = agent
            self.reasoningContent = reasoningContent
        }
    }

    /// The column values that store `message`.
    package static func columns(for message: ChatMessage) throws -> Columns {
        var text: String?
        var parts: String?
        switch message.content {
        case .text(let value): text = value
        case .parts(let value): parts = try encode(value)
        case nil: break
        }
        return Columns(
            role: message.role.rawValue, content: text, contentParts: parts, name: message.name,
            toolCalls: try message.toolCalls.map(encode), toolCallID: message.toolCallID, agent: message.agent,
            reasoningContent: message.reasoningContent)
    }

    /// The message stored as `columns`.
    package static func message(from columns: Columns) throws -> ChatMessage {
        guard let role = ChatMessage.Role(rawValue: columns.role) else {
            throw StorageError(code: .invalidData, message: "unknown message role '\(columns.role)'")
        }
        var content: MessageContent? = columns.content.map { .text($0) }
        if let parts = columns.contentParts {
            content = .parts(try decode([ContentPart].self, from: parts, column: "content_parts"))
        }
        return ChatMessage(
            role: role,
            content: content,
            name: columns.name,
            toolCalls: try columns.toolCalls.map { try decode([ToolCall].self, from: $0, column: "tool_calls") },
            toolCallID: columns.toolCallID,
            reasoningContent: columns.reasoningContent,
            agent: columns.agent)
    }

    /// The values of ``allColumns`` for `message`.
    static func values(for message: ChatMessage) throws -> [SQLiteValue] {
        let stored = try columns(for: message)
        return [
            .text(stored.role), SQLiteValue(stored.content), SQLiteValue(stored.contentParts),
            SQLiteValue(stored.name), SQLiteValue(stored.toolCalls), SQLiteValue(stored.toolCallID),
            SQLiteValue(stored.agent), SQLiteValue(stored.reasoningContent),
        ]
    }

    /// The message in `row`, whose message columns start at `offset`.
    static func message(from row: SQLiteRow, offset: Int, reasoning: Bool = true) throws -> ChatMessage {
        try message(
            from: Columns(
                role: try row.string(offset), content: row[offset + 1].stringValue,
                contentParts: row[offset + 2].stringValue, name: row[offset + 3].stringValue,
                toolCalls: row[offset + 4].stringValue, toolCallID: row[offset + 5].stringValue,
                agent: row[offset + 6].stringValue, reasoningContent: reasoning ? row[offset + 7].stringValue : nil))
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
