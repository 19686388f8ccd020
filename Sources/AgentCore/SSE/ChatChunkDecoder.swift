import SparkJSON

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
        let payload: ChunkJSON
        do {
            payload = try JSONParser<ChunkJSON>.parse(event.data)
        } catch {
            throw LLMError(.malformedResponse, "Malformed stream chunk: \(Self.excerpt(event.data))")
        }
        guard case .object = payload else {
            throw LLMError(.malformedResponse, "Stream chunk is not an object: \(Self.excerpt(event.data))")
        }
        if let error = payload["error"], !error.isNull {
            let message =
                error.stringValue ?? error["message"]?.stringValue ?? "The server reported an error mid-stream"
            throw LLMError(.httpError, message, httpStatus: error["code"]?.intValue)
        }
        if payload["object"]?.stringValue == "error" {
            throw LLMError(.httpError, payload["message"]?.stringValue ?? "The server reported an error mid-stream")
        }
        for choice in payload["choices"]?.arrayValue ?? [] {
            if let delta = choice["delta"] { try decodeDelta(delta, emit: emit) }
            if let reason = choice["finish_reason"]?.stringValue {
                sawFinish = true
                try emit(.finished(reason: reason))
            }
        }
        if let usage = payload["usage"], let prompt = usage["prompt_tokens"]?.intValue,
            let completion = usage["completion_tokens"]?.intValue
        {
            try emit(
                .usage(
                    Usage(
                        promptTokens: prompt, completionTokens: completion, totalTokens: usage["total_tokens"]?.intValue
                    )))
        }
    }

    private func decodeDelta(_ delta: ChunkJSON, emit: (ChatStreamEvent) throws -> Void) throws {
        if let reasoning = (delta["reasoning_content"] ?? delta["reasoning"])?.stringValue, !reasoning.isEmpty {
            try emit(.reasoningDelta(reasoning))
        }
        if let content = delta["content"]?.stringValue, !content.isEmpty { try emit(.contentDelta(content)) }
        for (position, call) in (delta["tool_calls"]?.arrayValue ?? []).enumerated() {
            let function = call["function"]
            try emit(
                .toolCallDelta(
                    ToolCallDelta(
                        index: call["index"]?.intValue ?? position, id: call["id"]?.stringValue,
                        name: function?["name"]?.stringValue, argumentsFragment: function?["arguments"]?.stringValue)))
        }
    }

    private static func errorEvent(data: String) -> LLMError {
        let message = ServerErrorBody.message(in: Data(data.utf8)) ?? excerpt(data)
        return LLMError(.httpError, message)
    }

    static func excerpt(_ text: String) -> String {
        text.count > 200 ? String(text.prefix(200)) + "..." : text
    }
}
