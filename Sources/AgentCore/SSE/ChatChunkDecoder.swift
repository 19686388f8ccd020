#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Turns the SSE events of a streamed chat completion into `ChatStreamEvent`s.
///
/// Understands the role chunk, content and `reasoning_content` deltas, `tool_calls` deltas, `finish_reason`,
/// the usage chunk (`choices: []`), the `[DONE]` sentinel and an `{"error": ...}` event sent mid-stream.
public struct ChatChunkDecoder: Sendable {
    /// Whether `data: [DONE]` arrived.
    public private(set) var sawDone = false
    /// Whether a chunk carried a `finish_reason`.
    public private(set) var sawFinish = false
    private let decoder = JSONDecoder()

    public init() {}

    /// Whether the stream ended properly (`[DONE]` or a finish reason), so its end is not an interruption.
    public var isComplete: Bool { sawDone || sawFinish }

    /// Decodes one SSE event; throws `LLMError` for malformed JSON or a server error event.
    public mutating func decode(_ event: SSEEvent) throws -> [ChatStreamEvent] {
        var events: [ChatStreamEvent] = []
        try decode(event) { events.append($0) }
        return events
    }

    /// Decodes one SSE event, handing each stream event to `emit`.
    public mutating func decode(_ event: SSEEvent, emit: (ChatStreamEvent) throws -> Void) throws {
        if event.data == "[DONE]" {
            sawDone = true
            return
        }
        if event.type == "error" { throw Self.errorEvent(data: event.data) }
        let payload: ChatChunkPayload
        do {
            payload = try decoder.decode(ChatChunkPayload.self, from: Data(event.data.utf8))
        } catch {
            throw LLMError(.malformedResponse, "Malformed stream chunk: \(Self.excerpt(event.data))")
        }
        if let error = payload.error {
            throw LLMError(.httpError, error.message ?? "The server reported an error mid-stream", httpStatus: error.status)
        }
        if payload.object == "error" {
            throw LLMError(.httpError, payload.message ?? "The server reported an error mid-stream")
        }
        for choice in payload.choices ?? [] {
            if let delta = choice.delta {
                if let reasoning = delta.reasoningContent ?? delta.reasoning, !reasoning.isEmpty {
                    try emit(.reasoningDelta(reasoning))
                }
                if let content = delta.content, !content.isEmpty { try emit(.contentDelta(content)) }
                for (position, call) in (delta.toolCalls ?? []).enumerated() {
                    try emit(
                        .toolCallDelta(
                            ToolCallDelta(
                                index: call.index ?? position, id: call.id, name: call.function?.name,
                                argumentsFragment: call.function?.arguments)))
                }
            }
            if let reason = choice.finishReason {
                sawFinish = true
                try emit(.finished(reason: reason))
            }
        }
        if let usage = payload.usage { try emit(.usage(usage)) }
    }

    private static func errorEvent(data: String) -> LLMError {
        let message = ServerErrorBody.message(in: Data(data.utf8)) ?? excerpt(data)
        return LLMError(.httpError, message)
    }

    static func excerpt(_ text: String) -> String {
        text.count > 200 ? String(text.prefix(200)) + "..." : text
    }
}
