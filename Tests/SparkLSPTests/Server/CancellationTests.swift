import SparkLSP
import SparkTestSupport
import Testing

@Suite struct CancellationTests {
    /// A server whose `test/probe` runs until cancelled, signalling when it started.
    private func server(started: AsyncStream<Void>.Continuation) throws -> TestLSPClient {
        try TestLSPClient.inProcess { server in
            server.register(ProbeRequest.self) { _, _ in
                started.yield()
                try await Task.sleep(for: .seconds(3600))
                return "finished"
            }
        }
    }

    @Test func cancelRequestCancelsTheRunningTaskAndItAnswersRequestCancelled() async throws {
        let (started, continuation) = AsyncStream<Void>.makeStream()
        let client = try server(started: continuation)
        try await client.initialize()
        client.writeFrame(#"{"jsonrpc":"2.0","id":"long","method":"test/probe","params":{"action":"wait"}}"#)
        var iterator = started.makeAsyncIterator()
        _ = await iterator.next()
        client.notify(CancelRequestNotification(id: .string("long")))
        let response = try await client.nextUnmatchedResponse()
        #expect(response.id == .string("long") && response.error?.code == .requestCancelled)
        #expect(try await client.send(CodeActionRequest.sample) == [])
    }

    @Test func cancellingTheClientTaskSendsCancelRequest() async throws {
        let (started, continuation) = AsyncStream<Void>.makeStream()
        let client = try server(started: continuation)
        try await client.initialize()
        let task = Task { try await client.send(ProbeRequest(action: "wait")) }
        var iterator = started.makeAsyncIterator()
        _ = await iterator.next()
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        // The server saw $/cancelRequest and answered -32800 to a request nobody awaits any more.
        let response = try await client.nextUnmatchedResponse()
        #expect(response.error?.code == .requestCancelled)
    }

    @Test func cancellingAnUnknownRequestIsHarmless() async throws {
        let client = try TestLSPClient.inProcess()
        try await client.initialize()
        client.notify(CancelRequestNotification(id: .number(12345)))
        #expect(try await client.send(CodeActionRequest.sample) == [])
    }
}
