import AgentCore
import PostgresNIO

/// A message's columns on PostgreSQL: the shared `SessionRow.Columns`, with `content` and `reasoning_content`
/// as UTF-8 in `BYTEA` (see ``PostgresSessionSchema``).
enum PostgresMessageRow {
    /// The message columns of the current schema, in the order ``message(_:)`` reads them.
    static let columns = "m.role, m.content, m.content_parts, m.name, m.tool_calls, m.tool_call_id, m.agent, m.reasoning_content"

    /// The message in `row`, whose columns are ``columns``.
    static func message(_ row: PostgresRow) throws -> ChatMessage {
        let (role, content, parts, name, toolCalls, toolCallID, agent, reasoning) = try row.decode(
            (String, ByteBuffer?, String?, String?, String?, String?, String?, ByteBuffer?).self)
        return try message(role, content, parts, name, toolCalls, toolCallID, agent, reasoning)
    }

    /// The session id and message in `row`, whose columns are `session_id` then ``columns``.
    static func sessionAndMessage(_ row: PostgresRow) throws -> (String, ChatMessage) {
        let (session, role, content, parts, name, toolCalls, toolCallID, agent, reasoning) = try row.decode(
            (String, String, ByteBuffer?, String?, String?, String?, String?, String?, ByteBuffer?).self)
        return (session, try message(role, content, parts, name, toolCalls, toolCallID, agent, reasoning))
    }

    /// `content` and `reasoning_content` as bytes.
    static func bytes(_ text: String?) -> ByteBuffer? { text.map { ByteBuffer(string: $0) } }

    private static func message(
        _ role: String, _ content: ByteBuffer?, _ parts: String?, _ name: String?, _ toolCalls: String?,
        _ toolCallID: String?, _ agent: String?, _ reasoning: ByteBuffer?
    ) throws -> ChatMessage {
        try SessionRow.message(
            from: SessionRow.Columns(
                role: role, content: content.map { String(buffer: $0) }, contentParts: parts, name: name,
                toolCalls: toolCalls, toolCallID: toolCallID, agent: agent,
                reasoningContent: reasoning.map { String(buffer: $0) }))
    }
}
