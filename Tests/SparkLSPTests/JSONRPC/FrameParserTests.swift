import SparkLSP
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite struct FrameParserTests {
    private func frame(_ body: String, header: String = "Content-Length") -> [UInt8] {
        Array("\(header): \(body.utf8.count)\r\n\r\n\(body)".utf8)
    }

    private func feedInChunks(_ bytes: [UInt8], size: Int, parser: inout FrameParser) -> [FrameEvent] {
        var events: [FrameEvent] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + size)
            events += parser.feed(Array(bytes[start..<end]))
            start = end
        }
        return events
    }

    @Test func everyChunkSizeYieldsTheSameFrames() {
        let bodies = [#"{"a":1}"#, "", #"{"text":"héllo 😀 世界 e\u{301}"}"#, String(repeating: "x", count: 300)]
        var stream: [UInt8] = []
        for body in bodies { stream += frame(body) }
        stream += Array("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 2\r\n\r\n{}".utf8)
        let expected = (bodies + ["{}"]).map { FrameEvent.frame(Data($0.utf8)) }
        for size in 1...stream.count {
            var parser = FrameParser()
            #expect(feedInChunks(stream, size: size, parser: &parser) == expected, "chunk size \(size)")
            #expect(parser.finish() == nil)
        }
    }

    @Test func headerNamesAreCaseInsensitiveAndExtraHeadersTolerated() {
        var parser = FrameParser()
        let bytes = Array("X-Other: 1\r\nCONTENT-LENGTH:  2 \r\nContent-Type: text/json\r\n\r\n[]".utf8)
        #expect(parser.feed(bytes) == [.frame(Data("[]".utf8))])
    }

    @Test func oversizedFrameIsSkippedWithoutBufferingAndParsingResumes() {
        var parser = FrameParser(maximumFrameLength: 10)
        let big = String(repeating: "y", count: 1000)
        let stream = frame(big) + frame("{}")
        for size in [1, 7, 64, stream.count] {
            var copy = parser
            #expect(
                feedInChunks(stream, size: size, parser: &copy) == [.oversized(length: 1000), .frame(Data("{}".utf8))])
        }
        _ = parser.finish()
    }

    @Test func malformedHeaderIsReportedAndTheParserResynchronises() {
        var parser = FrameParser()
        let events = parser.feed(Array("Content-Length: abc\r\n\r\n".utf8) + frame("{}"))
        #expect(events.count == 2)
        guard case .malformedHeader = events.first else {
            Issue.record("expected a malformed header, got \(events)")
            return
        }
        #expect(events.last == .frame(Data("{}".utf8)))
    }

    @Test func garbageBeforeAHeaderIsSkipped() {
        var parser = FrameParser()
        let events = parser.feed(Array("garbage!".utf8) + frame("{}"))
        #expect(events.last == .frame(Data("{}".utf8)))
        #expect(events.count == 2)
    }

    @Test func missingContentLengthIsMalformed() {
        var parser = FrameParser()
        let events = parser.feed(Array("Content-Type: x\r\n\r\n".utf8))
        guard case .malformedHeader(let reason) = events.first else {
            Issue.record("expected a malformed header, got \(events)")
            return
        }
        #expect(reason.contains("Content-Length"))
    }

    @Test func endOfInputInsideAMessageIsTruncated() {
        var parser = FrameParser()
        #expect(parser.feed(Array("Content-Length: 10\r\n\r\n{\"a\"".utf8)).isEmpty)
        #expect(parser.finish() == .truncated)
        var headerOnly = FrameParser()
        _ = headerOnly.feed(Array("Content-Len".utf8))
        #expect(headerOnly.finish() == .truncated)
    }

    @Test func overlongHeaderIsRefused() {
        var parser = FrameParser(maximumHeaderLength: 64)
        let events = parser.feed(Array(String(repeating: "z", count: 100).utf8) + frame("{}"))
        #expect(events.contains(.frame(Data("{}".utf8))))
        #expect(events.contains { if case .malformedHeader = $0 { true } else { false } })
    }
}
