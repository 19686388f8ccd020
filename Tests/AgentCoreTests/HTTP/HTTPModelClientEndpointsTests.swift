import AgentCore
import Logging
import SparkTestSupport
import Testing

@Suite struct HTTPModelClientEndpointsTests {
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    @Test func nonStreamedChatReturnsTheMessage() async throws {
        let server = try ScriptedModelServer()
        server.enqueue(.text("Full answer", reasoning: "because"))
        let client = HTTPModelClient(logger: logger)
        let completion = try await client.chat(
            ChatRequest(model: "test-model", messages: [.user("q")]), endpoint: server.endpoint)
        #expect(completion.message.role == .assistant)
        #expect(completion.message.text == "Full answer")
        #expect(completion.message.reasoningContent == "because")
        #expect(completion.message.toolCalls == nil)
        #expect(completion.finishReason == "stop")
        #expect(completion.usage == Usage(promptTokens: 10, completionTokens: 1))
        #expect(completion.model == "test-model")
        #expect(server.requests.first?.body?["stream"] == false)
        #expect(server.requests.first?.body?["stream_options"] == nil)
    }

    @Test func nonStreamedChatReturnsToolCalls() async throws {
        let server = try ScriptedModelServer()
        server.enqueue(.toolCalls([ScriptedToolCall(id: "x", name: "list", arguments: ["dir": "."])]))
        let completion = try await HTTPModelClient(logger: logger).chat(
            ChatRequest(model: "test-model", messages: [.user("q")]), endpoint: server.endpoint)
        #expect(completion.message.toolCalls == [ToolCall(id: "x", name: "list", arguments: "{\"dir\":\".\"}")])
        #expect(completion.finishReason == "tool_calls")
    }

    @Test func listsModelsInServerOrder() async throws {
        let server = try ScriptedModelServer(models: ["b-model", "a-model"])
        let models = try await HTTPModelClient(logger: logger).listModels(endpoint: server.endpoint(apiKey: "k"))
        #expect(models == ["b-model", "a-model"])
        #expect(server.requests.first?.method == "GET")
        #expect(server.requests.first?.path == "/v1/models")
        #expect(server.requests.first?.header("authorization") == "Bearer k")
    }

    @Test func embedsEachInputInOrder() async throws {
        let server = try ScriptedModelServer()
        let vectors = try await HTTPModelClient(logger: logger).embeddings(
            model: "minilm", inputs: ["a", "bcd"], endpoint: server.endpoint)
        #expect(vectors == [[1, 0, 1], [3, 1, 1]])
        #expect(server.requests.first?.body == ["model": "minilm", "input": ["a", "bcd"]])
    }

    /// vLLM refuses inputs over the model's limit with HTTP 400 unless the request says where to cut.
    @Test func embeddingsCarryTruncatePromptTokens() async throws {
        let server = try ScriptedModelServer()
        _ = try await HTTPModelClient(logger: logger).embeddings(
            model: "minilm", inputs: ["long"], truncatePromptTokens: 256, endpoint: server.endpoint)
        #expect(server.requests.first?.body == ["model": "minilm", "input": ["long"], "truncate_prompt_tokens": 256])
    }

    @Test func embeddingsErrorsCarryTheMessage() async throws {
        let server = try ScriptedModelServer()
        server.enqueue(.error(status: 400, message: "input too long"), for: .embeddings)
        do {
            _ = try await HTTPModelClient(logger: logger).embeddings(
                model: "m", inputs: ["x"], endpoint: server.endpoint)
            Issue.record("expected an error")
        } catch let error as LLMError {
            #expect(error.code == .httpError)
            #expect(error.httpStatus == 400)
            #expect(error.message == "input too long")
        }
    }
}

@Suite struct ModelEndpointEnvironmentTests {
    @Test func prefersVLLMKeyThenOpenAIKey() {
        #expect(ModelEndpoint.apiKey(fromEnvironment: ["VLLM_API_KEY": "v", "OPENAI_API_KEY": "o"]) == "v")
        #expect(ModelEndpoint.apiKey(fromEnvironment: ["VLLM_API_KEY": "", "OPENAI_API_KEY": "o"]) == "o")
        #expect(ModelEndpoint.apiKey(fromEnvironment: [:]) == nil)
    }
}
