/// Parses a streamed chat body on the transfer thread and yields its events.
///
/// `@unchecked Sendable`: `consume` and `finish` run only on the transfer thread (one transfer at a time),
/// and `isComplete` is read after the transfer ended, which the continuation hand-off orders.
final class ChatStreamSink: @unchecked Sendable {
    private var parser = SSEParser()
    private var decoder = ChatChunkDecoder()
    private let continuation: AsyncThrowingStream<ChatStreamEvent, any Error>.Continuation

    init(continuation: AsyncThrowingStream<ChatStreamEvent, any Error>.Continuation) {
        self.continuation = continuation
    }

    /// Whether the stream ended properly (`[DONE]` or a finish reason).
    var isComplete: Bool { decoder.isComplete }

    /// Feeds received bytes; returns the error that must abort the transfer, if any.
    func consume(_ bytes: UnsafeRawBufferPointer) -> (any Error)? {
        do {
            try parser.feed(bytes) { event in
                try decoder.decode(event) { continuation.yield($0) }
            }
            return nil
        } catch {
            return error
        }
    }

    /// Ends the stream (an unterminated trailing event is discarded).
    func finish() {
        parser.finish()
    }
}
