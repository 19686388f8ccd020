import AgentCore
import Testing

@Suite struct SSEParserTests {
    /// A stream with every feature: BOM, comments, CRLF / CR / LF line ends, multi-line data, event types,
    /// ids (one with NUL, ignored), retry, a field without colon, a data-less block and an unterminated tail.
    static let stream: [UInt8] =
        [0xEF, 0xBB, 0xBF]
        + Array(
            (": a comment\r\n"
                + "data: first\r\n\r\n"
                + "event: update\rdata:second line 1\rdata: second line 2\r\r"
                + "id: 7\ndata: {\"x\": \"é✓\"}\nretry: 1500\n\n"
                + "id: bad\u{0}id\ndata\n\n"
                + "event: ignored-no-data\n\n"
                + "retry: 12x\ndata:  two spaces\n\n"
                + "data: never dispatched").utf8)

    static let expected: [SSEEvent] = [
        SSEEvent(data: "first"),
        SSEEvent(type: "update", data: "second line 1\nsecond line 2"),
        SSEEvent(data: "{\"x\": \"é✓\"}", lastEventID: "7", retry: 1500),
        SSEEvent(data: "", lastEventID: "7"),
        SSEEvent(data: " two spaces", lastEventID: "7"),
    ]

    private func parse(_ bytes: [UInt8], chunkSize: Int) -> [SSEEvent] {
        var parser = SSEParser()
        var events: [SSEEvent] = []
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + chunkSize, bytes.count)
            events += parser.feed(bytes[offset..<end])
            offset = end
        }
        parser.finish()
        return events
    }

    @Test func parsesTheWholeStreamAtOnce() {
        #expect(parse(Self.stream, chunkSize: Self.stream.count) == Self.expected)
    }

    @Test func parsesChunksOfEverySize() {
        for size in 1...Self.stream.count {
            let events = parse(Self.stream, chunkSize: size)
            #expect(events == Self.expected, "chunk size \(size)")
            if events != Self.expected { return }
        }
    }

    @Test func parsesEverySplitPointIntoTwoChunks() {
        for split in 0...Self.stream.count {
            var parser = SSEParser()
            let events = parser.feed(Self.stream[..<split]) + parser.feed(Self.stream[split...])
            #expect(events == Self.expected, "split at \(split)")
            if events != Self.expected { return }
        }
    }

    @Test func crlfSplitBetweenCRAndLFIsOneLineEnd() {
        var parser = SSEParser()
        #expect(parser.feed(Array("data: a\r".utf8)).isEmpty)
        #expect(parser.feed(Array("\n\r\n".utf8)) == [SSEEvent(data: "a")])
    }

    @Test func bomOnlyCountsAtTheStart() {
        var parser = SSEParser()
        let events = parser.feed(
            [0xEF, 0xBB, 0xBF] + Array("data: a\n\n".utf8) + [0xEF, 0xBB, 0xBF] + Array("data: b\n\n".utf8))
        #expect(events == [SSEEvent(data: "a")])  // a BOM later in the stream makes an unknown field name
    }

    @Test func vllmStreamSplitsIntoItsEvents() {
        let text = "data: {\"a\":1}\n\ndata: {\"b\":2}\n\ndata: [DONE]\n\n"
        var parser = SSEParser()
        #expect(parser.feed(Array(text.utf8)).map(\.data) == ["{\"a\":1}", "{\"b\":2}", "[DONE]"])
    }

    /// Found by the sse fuzz target against its WHATWG reference (`make fuzz`): a `retry` too large for `Int`
    /// undid the event's earlier valid `retry`; it is ignored instead, like any value that is not a number.
    @Test func aRetryTooLargeForIntIsIgnored() {
        let stream = Array("retry: 00009223372036854772308\r\nretry: 92233720368547758073000\r\ndata: x\r\n\r\n".utf8)
        for chunkSize in [1, 7, stream.count] {
            #expect(
                parse(stream, chunkSize: chunkSize) == [SSEEvent(data: "x", retry: 9_223_372_036_854_772_308)])
        }
    }
}
