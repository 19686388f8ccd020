import AgentCore
import SparkJSON

/// Renders replies in the exact shapes vLLM's OpenAI server sends (see `shared/REAL_VLLM.md`).
struct VLLMWireFormat {
    var model: String
    var id = "chatcmpl-scripted"
    var created = 1_764_000_000

    /// One `chat.completion.chunk` as an SSE event (`data: {...}\n\n`).
    func chunk(delta: JSONValue, finishReason: String? = nil) -> String {
        var choice: [String: JSONValue] = [
            "index": 0, "delta": delta, "logprobs": nil, "finish_reason": finishReason.map { .string($0) } ?? nil,
        ]
        if finishReason != nil { choice["stop_reason"] = nil }
        return event(envelope(["choices": [.object(choice)]]))
    }

    /// The usage chunk with `choices: []`.
    func usageChunk(prompt: Int, completion: Int) -> String {
        event(
            envelope([
                "choices": [],
                "usage": [
                    "prompt_tokens": .int(prompt), "total_tokens": .int(prompt + completion),
                    "completion_tokens": .int(completion),
                ],
            ]))
    }

    static let done = "data: [DONE]\n\n"

    func event(_ value: JSONValue) -> String { "data: " + value.serialized() + "\n\n" }

    private func envelope(_ members: [String: JSONValue]) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(id), "object": "chat.completion.chunk", "created": .int(created), "model": .string(model),
        ]
        for (key, value) in members { object[key] = value }
        return .object(object)
    }

    /// A non-streamed `chat.completion`.
    func completion(message: JSONValue, finishReason: String, prompt: Int, completion: Int) -> JSONValue {
        [
            "id": .string(id), "object": "chat.completion", "created": .int(created), "model": .string(model),
            "choices": [["index": 0, "message": message, "logprobs": nil, "finish_reason": .string(finishReason)]],
            "usage": [
                "prompt_tokens": .int(prompt), "total_tokens": .int(prompt + completion),
                "completion_tokens": .int(completion),
            ],
        ]
    }

    /// OpenAI's error body.
    static func errorBody(status: Int, message: String) -> JSONValue {
        ["error": ["message": .string(message), "type": .string(typeName(status)), "param": nil, "code": .int(status)]]
    }

    /// vLLM's own error body (`{"object":"error",...}`), as its 404 for an unknown model has it.
    static func vllmErrorBody(status: Int, message: String) -> JSONValue {
        [
            "object": "error", "message": .string(message), "type": .string(typeName(status)), "param": nil,
            "code": .int(status),
        ]
    }

    private static func typeName(_ status: Int) -> String {
        switch status {
        case 400: "BadRequestError"
        case 404: "NotFoundError"
        case 429: "RateLimitError"
        case 503: "ServiceUnavailableError"
        default: "InternalServerError"
        }
    }

    /// Splits `text` into `count` nearly equal pieces (by characters), none empty unless `text` is.
    static func split(_ text: String, into count: Int) -> [String] {
        let characters = Array(text)
        let pieces = max(1, min(count, characters.count))
        guard !characters.isEmpty else { return [""] }
        var result: [String] = []
        result.reserveCapacity(pieces)
        for piece in 0..<pieces {
            let start = piece * characters.count / pieces
            let end = (piece + 1) * characters.count / pieces
            result.append(String(characters[start..<end]))
        }
        return result
    }
}
