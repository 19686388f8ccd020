import AgentCore
import Logging
import SparkJSON
import SparkTestSupport
import Synchronization
import Testing

@Suite struct HTTPModelClientFaultTests {
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
    let request = ChatRequest(model: "test-model", messages: [.user("hi")], maxTokens: 16)

    private func fastClient(
        retries: Int = 3, idle: Duration = .seconds(30), firstByte: Duration = .seconds(30),
        willRetry: (@Sendable (Int, LLMError, Duration) -> Void)? = nil
    ) -> HTTPModelClient {
        HTTPModelClient(
            logger: logger,
            options: .init(
                connectTimeout: .seconds(5), firstByteTimeout: firstByte, idleTimeout: idle, maxRetries: retries,
                baseRetryDelay: .milliseconds(5), maxRetryDelay: .milliseconds(50), willRetry: willRetry))
    }

    /// Consumes a stream and returns the `LLMError` it ended with, if any.
    private func streamError(_ client: HTTPModelClient, endpoint: ModelEndpoint) async -> LLMError? {
        do {
            for try await _ in client.streamChat(request, endpoint: endpoint) {}
            return nil
        } catch {
            return error as? LLMError
        }
    }

    @Test func refusedConnectionFailsAfterRetries() async throws {
        let attempts = Atomic<Int>(0)
        let client = fastClient(retries: 2, willRetry: { _, _, _ in attempts.add(1, ordering: .relaxed) })
        let error = await streamError(client, endpoint: try ScriptedModelServer.refusingEndpoint())
        #expect(error?.code == .connectionFailed)
        #expect(attempts.load(ordering: .relaxed) == 2)
    }

    @Test func retriesARefusedConnectionUntilTheServerListens() async throws {
        let server = try ScriptedModelServer(listening: false)
        server.enqueue(.text("up now"))
        let client = fastClient(willRetry: { _, _, _ in try? server.startListening() })
        let completion = try await client.chat(request, endpoint: server.endpoint)
        #expect(completion.message.text == "up now")
    }

    @Test func serverErrorCarriesTheServerMessage() async throws {
        let server = try ScriptedModelServer()
        server.enqueue(.error(status: 500, message: "CUDA out of memory"))
        let error = await streamError(fastClient(), endpoint: server.endpoint)
        #expect(error?.code == .httpError)
        #expect(error?.httpStatus == 500)
        #expect(error?.message == "CUDA out of memory")
        #expect(server.requests.count == 1)
    }

    @Test func retries429HonouringRetryAfterThenSucceeds() async throws {
        let server = try ScriptedModelServer()
        server.enqueue(.error(status: 429, message: "slow down", retryAfter: 0))
        server.enqueue(.error(status: 503, message: "warming up"))
        server.enqueue(.text("finally"))
        let delays = Mutex<[Duration]>([])
        let client = fastClient(willRetry: { _, _, delay in delays.withLock { $0.append(delay) } })
        var text = ""
        for try await event in client.streamChat(request, endpoint: server.endpoint) {
            if case .contentDelta(let delta) = event { text += delta }
        }
        #expect(text == "finally")
        #expect(server.requests.count == 3)
        #expect(delays.withLock { $0 } == [.zero, .milliseconds(10)])
    }

    @Test func persistent429IsRateLimited() async throws {
        let server = try ScriptedModelServer()
        for _ in 0..<3 { server.enqueue(.error(status: 429, message: "queue full", retryAfter: 1)) }
        let error = await streamError(fastClient(retries: 2), endpoint: server.endpoint)
        #expect(error?.code == .rateLimited)
        #expect(error?.message == "queue full")
        #expect(server.requests.count == 3)
    }

    @Test func unknownModelIsModelNotFound() async throws {
        let server = try ScriptedModelServer()
        server.enqueue(.modelNotFound("gpt-oss-120b"))
        do {
            _ = try await fastClient().chat(request, endpoint: server.endpoint)
            Issue.record("expected an error")
        } catch let error as LLMError {
            #expect(error.code == .modelNotFound)
            #expect(error.httpStatus == 404)
            #expect(error.message == "The model `gpt-oss-120b` does not exist.")
        }
    }

    @Test func streamCutMidwayIsInterruptedAndNotRetried() async throws {
        let server = try ScriptedModelServer()
        server.enqueue(.cutMidStream("aaaabbbbccccdddd", chunks: 4, after: 2))
        server.enqueue(.text("must not be requested"))
        var received: [ChatStreamEvent] = []
        var failure: (any Error)?
        do {
            for try await event in fastClient().streamChat(request, endpoint: server.endpoint) {
                received.append(event)
            }
        } catch {
            failure = error
        }
        #expect((failure as? LLMError)?.code == .streamInterrupted)
        #expect(received == [.contentDelta("aaaa"), .contentDelta("bbbb")])
        #expect(server.requests.count == 1)
    }

    @Test func malformedChunkIsMalformedResponse() async throws {
        let server = try ScriptedModelServer()
        server.enqueue(.malformedSSE)
        let error = await streamError(fastClient(), endpoint: server.endpoint)
        #expect(error?.code == .malformedResponse)
    }

    @Test func errorEventMidStreamCarriesItsMessage() async throws {
        let server = try ScriptedModelServer()
        server.enqueue(.errorEvent("engine died"))
        let error = await streamError(fastClient(), endpoint: server.endpoint)
        #expect(error?.code == .httpError)
        #expect(error?.message == "engine died")
    }

    @Test func invalidToolCallJSONArrivesVerbatim() async throws {
        let server = try ScriptedModelServer()
        server.enqueue(.toolCalls([ScriptedToolCall(id: "c1", name: "edit", arguments: "{\"path\": \"a.swift\", ")]))
        var assembler = ToolCallAssembler()
        for try await event in fastClient().streamChat(request, endpoint: server.endpoint) {
            if case .toolCallDelta(let delta) = event { assembler.add(delta) }
        }
        #expect(assembler.toolCalls == [ToolCall(id: "c1", name: "edit", arguments: "{\"path\": \"a.swift\", ")])
        #expect((try? JSONValue(parsing: assembler.toolCalls[0].function.arguments)) == nil)
    }

    @Test func stalledStreamHitsTheIdleTimeout() async throws {
        let server = try ScriptedModelServer()
        server.enqueue(.stall(afterChunks: 2))
        let error = await streamError(fastClient(idle: .milliseconds(300)), endpoint: server.endpoint)
        #expect(error?.code == .timeout)
        #expect(await server.waitForDisconnect())
    }

    @Test func silentServerHitsTheFirstByteTimeout() async throws {
        let server = try ScriptedModelServer()
        server.enqueue(.noResponse)
        do {
            _ = try await fastClient(firstByte: .milliseconds(300)).chat(request, endpoint: server.endpoint)
            Issue.record("expected a timeout")
        } catch let error as LLMError {
            #expect(error.code == .timeout)
        }
        #expect(await server.waitForDisconnect())
    }

    /// A configured timeout travels with the endpoint and wins over the client's own (here 10 minutes; the bound
    /// of 2 minutes tells the two apart with room for a loaded machine).
    @Test func theEndpointsTimeoutsWinOverTheClients() async throws {
        let server = try ScriptedModelServer()
        server.enqueue(.stall(afterChunks: 1))
        var endpoint = server.endpoint
        endpoint.timeouts = TimeoutSettings(idle: .milliseconds(300))
        let clock = ContinuousClock()
        let start = clock.now
        // No retries: on a loaded machine the stalled chunk may come after the 300 ms, and a retry would then
        // wait for a reply the script does not have.
        let error = await streamError(fastClient(retries: 0, idle: .seconds(600)), endpoint: endpoint)
        #expect(error?.code == .timeout)
        #expect(clock.now - start < .seconds(120))
        #expect(await server.waitForDisconnect())
    }
}
