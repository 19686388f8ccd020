import AgentCore
import Logging
import SparkTestSupport
import Testing

@Suite struct HTTPModelClientCancellationTests {
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
    let request = ChatRequest(model: "test-model", messages: [.user("hi")], maxTokens: 100_000)

    @Test func cancellingTheConsumerClosesTheConnection() async throws {
        let server = try ScriptedModelServer()
        server.enqueue(.stall(afterChunks: 3))
        let client = HTTPModelClient(logger: logger)
        let stream = client.streamChat(request, endpoint: server.endpoint)
        let (started, startedContinuation) = AsyncStream<Void>.makeStream()
        let consumer = Task {
            for try await event in stream {
                if case .contentDelta = event { startedContinuation.yield() }
            }
        }
        // Cancel only once the stream is live; the stall keeps the transfer open, so the server reports the
        // close only if the cancellation reached curl.
        var iterator = started.makeAsyncIterator()
        _ = await iterator.next()
        #expect(server.midReplyDisconnects == 0)
        consumer.cancel()
        #expect(await server.waitForDisconnect(timeout: .seconds(5)))
        _ = try? await consumer.value
    }

    @Test func cancellingANonStreamedRequestThrowsCancellation() async throws {
        let server = try ScriptedModelServer()
        server.enqueue(.noResponse)
        let client = HTTPModelClient(logger: logger)
        let task = Task { try await client.chat(request, endpoint: server.endpoint) }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test func abortsAfterTheFirstDeltasArrive() async throws {
        let server = try ScriptedModelServer()
        server.enqueue(.stall(afterChunks: 2))
        let client = HTTPModelClient(logger: logger)
        var seen: [String] = []
        for try await event in client.streamChat(request, endpoint: server.endpoint) {
            if case .contentDelta(let text) = event { seen.append(text) }
            if seen.count == 2 { break }  // leaving the loop terminates the stream
        }
        #expect(seen == ["token0 ", "token1 "])
        #expect(await server.waitForDisconnect(timeout: .seconds(5)))
    }
}
