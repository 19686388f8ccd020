import Foundation

@testable import SparkLSP

/// The JSON-RPC frame parser: no crash; the same events (and the same end) however the bytes are cut into
/// chunks; no frame over the limit; and, for a stream built of well-formed frames, exactly their bodies.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrames(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let mode = input.byte()
    // Small limits, so that oversized frames and over-long headers are reached often.
    let maximumFrameLength = 16 + input.number(below: 241) * 4
    // Room for the longest header `WellFormedFrames` writes (about 130 bytes) when it builds the stream.
    let maximumHeaderLength = (mode & 1 == 0 ? 32 : 160) + input.number(below: 225)
    let stream: [UInt8]
    var expected: [FrameEvent]?
    if mode & 1 == 0 {
        stream = Array(input.remaining)
    } else {
        (stream, expected) = WellFormedFrames.build(from: &input, maximumFrameLength: maximumFrameLength)
    }

    var reference: (events: [FrameEvent], end: FrameEvent?)?
    for cuts in ChunkPlan.cuts(count: stream.count, seed: input.hash) {
        var parser = FrameParser(maximumFrameLength: maximumFrameLength, maximumHeaderLength: maximumHeaderLength)
        var events: [FrameEvent] = []
        stream.withUnsafeBytes { bytes in
            for range in cuts { events += parser.feed(UnsafeRawBufferPointer(rebasing: bytes[range])) }
        }
        let end = parser.finish()
        for event in events {
            if case .frame(let body) = event {
                fuzzCheck(body.count <= maximumFrameLength, "a frame of \(body.count) bytes over the limit")
            }
        }
        if let reference {
            fuzzCheck(
                events == reference.events && end == reference.end,
                "chunks \(cuts.count) changed the events: \(events) then \(String(describing: end)) vs "
                    + "\(reference.events) then \(String(describing: reference.end))")
        } else {
            reference = (events, end)
        }
    }
    if let expected, let reference {
        fuzzCheck(
            reference.events == expected && reference.end == nil,
            "well-formed frames read as \(reference.events), expected \(expected)")
    }
    return 0
}
