import AgentCore
import Testing

extension RealVLLMTests {
    /// Cancelling the task that reads a stream aborts the request on the server.
    @Suite(.realVLLM) struct CancellationTests {
        @Test func cancelledStreamIsAbortedByTheServer() async throws {
            let client = RealVLLM.client()
            let maxTokens = 15000
            let before = try await RealVLLM.metrics(client)
            // ignore_eos with a large max_tokens (the context is 16,384): a stream that does not end by itself
            // for many seconds, even when the server runs faster than the measured ~420 tokens/s.
            let request = ChatRequest(
                model: RealVLLM.model, messages: [.user("Hello")], maxTokens: maxTokens, seed: 7,
                extraBody: ["ignore_eos": true])
            let (started, signalStarted) = AsyncStream<Void>.makeStream()
            let reader = Task {
                var deltas = 0
                for try await event in client.streamChat(request, endpoint: RealVLLM.endpoint) {
                    guard case .contentDelta = event else { continue }
                    deltas += 1
                    if deltas == 20 { signalStarted.yield() }
                }
                return deltas
            }
            for await _ in started { break }
            let during = try await RealVLLM.metrics(client)
            #expect(during.runningRequests >= 1)
            reader.cancel()
            // The stream stops early: it ends (or throws `CancellationError`) long before max_tokens.
            switch await reader.result {
            case .success(let deltas): #expect(deltas < maxTokens / 2)
            case .failure(let error): #expect(error is CancellationError)
            }

            // The server notices the closed connection and frees the request: poll, with a deadline.
            let deadline = ContinuousClock.now + .seconds(10)
            var after = try await RealVLLM.metrics(client)
            while after.runningRequests > 0, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
                after = try await RealVLLM.metrics(client)
            }
            #expect(after.runningRequests == 0)
            // An aborted request is counted by no finish reason; a finished one would be.
            #expect(after.finishedRequests == before.finishedRequests)
            #expect(after.generatedTokens - before.generatedTokens < Double(maxTokens))
        }
    }
}
