/// Holds back the start of an answer that may be a tool call written as text (`<tool_call>`,
/// Llama's `<|python_tag|>`, a bare JSON object or array, a code fence), so such calls do not
/// stream to the user as prose. Anything else is released as soon as it cannot be a call.
struct ToolCallTextGate {
    static let markers = ["<tool_call>", "<|python_tag|>", "{", "[", "```"]

    private var held = ""
    private var decided: Bool

    init(enabled: Bool) {
        decided = !enabled
    }

    /// The text to stream now for `delta` (`nil` while holding).
    mutating func pass(_ delta: String) -> String? {
        if decided { return delta }
        held += delta
        let trimmed = held.drop { $0.isWhitespace }
        if trimmed.isEmpty { return nil }
        if Self.markers.contains(where: { trimmed.hasPrefix($0) || $0.hasPrefix(trimmed) }) { return nil }
        decided = true
        defer { held = "" }
        return held
    }

    /// The text still held back at the end of the stream, if any.
    mutating func flush() -> String? {
        defer { held = "" }
        return held.isEmpty ? nil : held
    }
}
