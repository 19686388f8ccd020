import AgentCore
import Testing

extension RealVLLMTests {
    /// `HTTPModelClient` against vLLM: plain and streamed chat, usage, models, unknown models.
    @Suite(.realVLLM) struct ClientChatTests {
        private let client = RealVLLM.client()

        private func request(maxTokens: Int = 16, seed: Int = 7, model: String = RealVLLM.model) -> ChatRequest {
            ChatRequest(
                model: model, messages: [.system("Be brief."), .user("Hello")], maxTokens: maxTokens, seed: seed)
        }

        @Test func plainAndStreamedChatAgreeWithUsage() async throws {
            let plain = try await client.chat(request(), endpoint: RealVLLM.endpoint)
            #expect(plain.message.role == .assistant)
            #expect(!plain.message.text.isEmpty)
            #expect(plain.model == RealVLLM.model)
            let usage = try #require(plain.usage)
            #expect(usage.promptTokens > 0)
            #expect((1...16).contains(usage.completionTokens))
            #expect(usage.totalTokens == usage.promptTokens + usage.completionTokens)

            var text = ""
            var deltas = 0
            var streamedUsage: Usage?
            var finish: String?
            for try await event in client.streamChat(request(), endpoint: RealVLLM.endpoint) {
                switch event {
                case .contentDelta(let delta):
                    text += delta
                    deltas += 1
                case .usage(let value): streamedUsage = value
                case .finished(let reason): finish = reason
                case .reasoningDelta, .toolCallDelta: break
                }
            }
            // The same seed gives the same reply, streamed or not.
            #expect(text == plain.message.text)
            #expect(finish == plain.finishReason)
            #expect(streamedUsage == usage)
            #expect(deltas >= 1 && deltas <= usage.completionTokens)
        }

        @Test func listsTheServedModel() async throws {
            #expect(try await client.listModels(endpoint: RealVLLM.endpoint) == [RealVLLM.model])
        }

        @Test func unknownModelIsModelNotFound() async throws {
            do {
                _ = try await client.chat(request(model: "no-such-model"), endpoint: RealVLLM.endpoint)
                Issue.record("expected a 404")
            } catch let error as LLMError {
                #expect(error.code == .modelNotFound)
                #expect(error.httpStatus == 404)
                #expect(error.message.contains("no-such-model"))
            }
            do {
                for try await _ in client.streamChat(request(model: "no-such-model"), endpoint: RealVLLM.endpoint) {}
                Issue.record("expected a 404")
            } catch let error as LLMError {
                #expect(error.code == .modelNotFound)
            }
        }
    }
}
