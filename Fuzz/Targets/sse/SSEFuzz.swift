@testable import AgentCore

/// The SSE parser and the chat chunk decoder: no crash; the same events however the stream is cut into
/// chunks; the same events as `ReferenceSSE`, the WHATWG rules written out naively; and every event decodes
/// (or fails with an `LLMError`) without trapping, its tool call deltas assembled.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSSE(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let stream = input.bytes
    var reference: [SSEEvent]?
    for cuts in ChunkPlan.cuts(count: stream.count, seed: input.hash) {
        var parser = SSEParser()
        var events: [SSEEvent] = []
        stream.withUnsafeBytes { bytes in
            for range in cuts {
                parser.feed(UnsafeRawBufferPointer(rebasing: bytes[range])) { events.append($0) }
            }
        }
        parser.finish()
        if let reference {
            fuzzCheck(events == reference, "\(cuts.count) chunks changed the events: \(events) vs \(reference)")
        } else {
            reference = events
        }
    }
    let expected = ReferenceSSE.events(of: stream)
    fuzzCheck(reference == expected, "events \(reference ?? []) differ from the reference's \(expected)")

    var decoder = ChatChunkDecoder()
    var assembler = ToolCallAssembler()
    for event in reference ?? [] {
        do {
            try decoder.decode(event) { streamEvent in
                if case .toolCallDelta(let delta) = streamEvent { assembler.add(delta) }
            }
        } catch is LLMError {
            continue
        } catch {
            fuzzFailure("the decoder threw \(error), not an LLMError")
        }
    }
    _ = assembler.toolCalls
    return 0
}
