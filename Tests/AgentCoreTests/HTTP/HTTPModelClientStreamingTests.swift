import AgentCore
import Logging
import SparkJSON
import SparkTestSupport
import Testing

@Suite struct HTTPModelClientStreamingTests {
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    private func collect(_ stream: AsyncThrowingStream<ChatStreamEvent, any Error>) async throws -> [ChatStreamEvent] {
        var events: [ChatStreamEvent] = []
        for try await event in stream { events.append(event) }
        return events
    }

    @Test func streamsTextDeltasFinishAndUsage() async throws {
        let server = try ScriptedModelServer()
        server.enqueue(.text("Hello, world", chunks: 3))
        let client = HTTPModelClient(logger: logger)
        let request = ChatRequest(model: "test-model", messages: [.system("Be brief."), .user("Hi")], maxTokens: 32)
        let events = try await collect(client.streamChat(request, endpoint: server.endpoint))
        #expect(
            events == [
                .contentDelta("Hell"), .contentDelta("o, w"), .contentDelta("orld"), .finished(reason: "stop"),
                .usage(Usage(promptTokens: 20, completionTokens: 3)),
            ])
        let recorded = try #require(server.requests.first)
        #expect(recorded.method == "POST")
        #expect(recorded.path == "/v1/chat/completions")
        #expect(recorded.body?["stream"] == true)
        #expect(recorded.body?["stream_options"] == ["include_usage": true])
        #expect(recorded.body?["max_tokens"] == 32)
        #expect(recorded.header("content-type") == "application/json")
        #expect(recorded.header("authorization") == nil)
        #expect(recorded.header("user-agent") == "SparkLSP")
        #expect(recorded.header("accept") == "text/event-stream")
    }

    @Test func keepsReasoningApartFromContent() async throws {
        let server = try ScriptedModelServer()
        server.enqueue(.text("Answer", chunks: 1, reasoning: "Thinking", finishReason: "stop"))
        let client = HTTPModelClient(logger: logger)
        let request = ChatRequest(model: "test-model", messages: [.user("Why?")], includeUsage: false)
        let events = try await collect(client.streamChat(request, endpoint: server.endpoint))
        #expect(events == [.reasoningDelta("Thinking"), .contentDelta("Answer"), .finished(reason: "stop")])
    }

    @Test func streamsToolCallsAsDeltasThatAssemble() async throws {
        let server = try ScriptedModelServer()
        server.enqueue(
            .toolCalls(
                [
                    ScriptedToolCall(id: "call-a", name: "read_file", arguments: ["path": "a.swift"]),
                    ScriptedToolCall(id: "call-b", name: "search", arguments: "{\r\n \"query\" : \"x\" }"),
                ], fragments: 4))
        let client = HTTPModelClient(logger: logger)
        var assembler = ToolCallAssembler()
        var finish: String?
        for try await event in client.streamChat(
            ChatRequest(model: "test-model", messages: [.user("go")], toolChoice: .required), endpoint: server.endpoint)
        {
            if case .toolCallDelta(let delta) = event { assembler.add(delta) }
            if case .finished(let reason) = event { finish = reason }
        }
        let calls = assembler.toolCalls
        #expect(calls.map(\.id) == ["call-a", "call-b"])
        #expect(calls.map(\.function.name) == ["read_file", "search"])
        #expect(try JSONValue(parsing: calls[0].function.arguments) == ["path": "a.swift"])
        #expect(try JSONValue(parsing: calls[1].function.arguments) == ["query": "x"])
        #expect(finish == "tool_calls")
    }

    @Test func sendsTheAPIKeyAsABearerToken() async throws {
        let server = try ScriptedModelServer()
        server.enqueue(.text("ok"))
        let client = HTTPModelClient(logger: logger)
        _ = try await collect(
            client.streamChat(
                ChatRequest(model: "test-model", messages: [.user("hi")]),
                endpoint: server.endpoint(apiKey: "sk-secret")))
        #expect(server.requests.first?.header("Authorization") == "Bearer sk-secret")
    }

    @Test func mergesExtraBodyLast() async throws {
        let server = try ScriptedModelServer()
        server.enqueue(.text("ok"))
        let client = HTTPModelClient(logger: logger)
        let request = ChatRequest(
            model: "test-model", messages: [.user("hi")], maxTokens: 10,
            extraBody: ["top_k": 5, "ignore_eos": true, "max_tokens": 99])
        _ = try await collect(client.streamChat(request, endpoint: server.endpoint))
        let body = try #require(server.requests.first?.body)
        #expect(body["top_k"] == 5)
        #expect(body["ignore_eos"] == true)
        #expect(body["max_tokens"] == 99)
    }

    @Test func reusesOneConnectionAcrossRequests() async throws {
        let server = try ScriptedModelServer()
        let client = HTTPModelClient(logger: logger)
        for index in 0..<4 {
            server.enqueue(.text("reply \(index)", chunks: 2))
            let events = try await collect(
                client.streamChat(ChatRequest(model: "test-model", messages: [.user("hi")]), endpoint: server.endpoint))
            #expect(events.contains(.contentDelta("ly \(index)")))
        }
        _ = try await client.listModels(endpoint: server.endpoint)
        #expect(server.requests.count == 5)
        #expect(server.acceptedConnections == 1)
    }

    @Test func runsConcurrentStreamsOnSeparateConnections() async throws {
        let server = try ScriptedModelServer()
        for _ in 0..<6 { server.enqueue(.text("same words for all", chunks: 4)) }
        let client = HTTPModelClient(logger: logger)
        let texts = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<6 {
                group.addTask {
                    var text = ""
                    for try await event in client.streamChat(
                        ChatRequest(model: "test-model", messages: [.user("hi")]), endpoint: server.endpoint)
                    {
                        if case .contentDelta(let delta) = event { text += delta }
                    }
                    return text
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(texts == Array(repeating: "same words for all", count: 6))
        #expect(server.requests.count == 6)
    }
}
