import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ScriptedModelServer {
    /// The monotonic clock (`CLOCK_MONOTONIC`) in nanoseconds, as `.timestamped` replies write it.
    public static func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    /// A complete vLLM-style SSE body of `tokens` one-token content deltas (`tok0 `, `tok1 `, ...), with the role
    /// chunk, a finish chunk, a usage chunk and `[DONE]`: replay it with `.rawSSE` (benchmarks).
    public static func renderTextStream(tokens: Int, model: String = "test-model") -> [UInt8] {
        let wire = VLLMWireFormat(model: model)
        var body = Array(wire.chunk(delta: ["role": "assistant", "content": ""]).utf8)
        body.reserveCapacity(tokens * 180)
        // Every delta chunk has the same shape: render it once and splice the token in.
        let template = wire.chunk(delta: ["content": "TOKEN"])
        let parts = template.split(separator: "TOKEN", omittingEmptySubsequences: false).map { Array($0.utf8) }
        let (head, tail) = (parts[0], parts[parts.count - 1])
        for index in 0..<tokens {
            body += head
            body += Array("tok\(index) ".utf8)
            body += tail
        }
        body += Array(wire.chunk(delta: ["content": ""], finishReason: "length").utf8)
        body += Array(wire.usageChunk(prompt: 10, completion: tokens).utf8)
        body += Array(VLLMWireFormat.done.utf8)
        return body
    }
}
