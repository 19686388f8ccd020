/// Holds back text that may be a tool call written as text, so such calls do not stream to the
/// user as prose.
///
/// At the start of an answer it holds anything that may open a call (`<tool_call>`, Llama's
/// `<|python_tag|>`, a bare JSON object or array, a code fence) and releases it as soon as it
/// cannot; after that it releases prose at once but holds back a `<tool_call>` block (and any
/// text that may be the start of its tag) to the end of the stream.
struct ToolCallTextGate {
    static let leadingMarkers = ["<tool_call>", "<|python_tag|>", "{", "[", "```"]
    static let blockTag = "<tool_call>"

    private var enabled: Bool
    private var leading = true
    /// Text not yet released.
    private var pending = ""
    /// Whether a `<tool_call>` block started after prose; everything from it on is held.
    private var inBlock = false
    /// Whether any text was released.
    private(set) var releasedAny = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    /// The text to stream now for `delta` (`nil` when nothing can be released yet).
    mutating func pass(_ delta: String) -> String? {
        guard enabled else { return release(delta) }
        // The hot path: plain prose after the start, with nothing held, cannot begin a tag.
        if !leading, !inBlock, pending.isEmpty, !delta.utf8.contains(UInt8(ascii: "<")) { return release(delta) }
        pending += delta
        if inBlock { return nil }
        if leading {
            let trimmed = pending.drop { $0.isWhitespace }
            if trimmed.isEmpty { return nil }
            if Self.leadingMarkers.contains(where: { trimmed.hasPrefix($0) || $0.hasPrefix(trimmed) }) { return nil }
            leading = false
        }
        if let tag = pending.firstRange(of: Self.blockTag) {
            inBlock = true
            let prose = String(pending[..<tag.lowerBound])
            pending = String(pending[tag.lowerBound...])
            return release(prose)
        }
        // Keep back a tail that may be the beginning of the tag.
        var keep = min(Self.blockTag.count - 1, pending.count)
        while keep > 0, !Self.blockTag.hasPrefix(pending.suffix(keep)) { keep -= 1 }
        let prose = String(pending.dropLast(keep))
        pending = String(pending.suffix(keep))
        return release(prose)
    }

    /// The text still held back at the end of the stream, if any.
    mutating func flush() -> String? {
        defer { pending = "" }
        return pending.isEmpty ? nil : pending
    }

    private mutating func release(_ text: String) -> String? {
        guard !text.isEmpty else { return nil }
        releasedAny = true
        return text
    }
}
