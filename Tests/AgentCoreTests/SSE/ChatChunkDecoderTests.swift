import AgentCore
import Testing

@Suite struct ChatChunkDecoderTests {
    private func decode(_ lines: [String]) throws -> (events: [ChatStreamEvent], decoder: ChatChunkDecoder) {
        var decoder = ChatChunkDecoder()
        var events: [ChatStreamEvent] = []
        for line in lines { events += try decoder.decode(SSEEvent(data: line)) }
        return (events, decoder)
    }

    @Test func decodesVLLMTextStream() throws {
        let (events, decoder) = try decode([
            #"{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}"#,
            #"{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"reasoning_content":"hmm"},"logprobs":null,"finish_reason":null}]}"#,
            #"{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"Hi"},"logprobs":null,"finish_reason":null}]}"#,
            #"{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":""},"logprobs":null,"finish_reason":"stop","stop_reason":null}]}"#,
            #"{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[],"usage":{"prompt_tokens":5,"total_tokens":7,"completion_tokens":2}}"#,
            "[DONE]",
        ])
        #expect(
            events == [
                .reasoningDelta("hmm"), .contentDelta("Hi"), .finished(reason: "stop"),
                .usage(Usage(promptTokens: 5, completionTokens: 2)),
            ])
        #expect(decoder.sawDone && decoder.sawFinish && decoder.isComplete)
    }

    @Test func decodesToolCallDeltas() throws {
        let (events, _) = try decode([
            #"{"choices":[{"index":0,"delta":{"tool_calls":[{"id":"t1","type":"function","index":0,"function":{"name":"read"}}]},"finish_reason":null}]}"#,
            #"{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"p\":"}}]},"finish_reason":null}]}"#,
            #"{"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}"#,
        ])
        #expect(
            events == [
                .toolCallDelta(ToolCallDelta(index: 0, id: "t1", name: "read")),
                .toolCallDelta(ToolCallDelta(index: 0, argumentsFragment: "{\"p\":")),
                .finished(reason: "tool_calls"),
            ])
    }

    @Test func streamWithoutDoneOrFinishIsIncomplete() throws {
        let (_, decoder) = try decode([#"{"choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}"#])
        #expect(!decoder.isComplete)
    }

    @Test func malformedJSONIsMalformedResponse() {
        #expect(throws: LLMError.self) { try decode([#"{"choices":[{"#]) }
        do {
            _ = try decode(["not json"])
        } catch let error as LLMError {
            #expect(error.code == .malformedResponse)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func errorObjectsMidStreamThrowTheServerMessage() {
        for line in [
            #"{"error":{"message":"engine dead","type":"InternalServerError","code":500}}"#,
            #"{"object":"error","message":"engine dead","code":500}"#,
        ] {
            do {
                _ = try decode([line])
                Issue.record("expected an error for \(line)")
            } catch let error as LLMError {
                #expect(error.message == "engine dead")
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    /// Found while writing the sse fuzz target (now one of its seeds): usage counts whose sum passes `Int.max`
    /// trapped in `Usage.init`, so a server could stop spark-lsp with one chunk. The sum stops at the bound.
    @Test func usageCountsNearIntMaxDoNotTrap() throws {
        let (events, _) = try decode([
            #"{"choices":[],"usage":{"prompt_tokens":9223372036854775807,"completion_tokens":1}}"#
        ])
        #expect(events == [.usage(Usage(promptTokens: Int.max, completionTokens: 1, totalTokens: Int.max))])
        let total = Usage(promptTokens: Int.max, completionTokens: 0) + Usage(promptTokens: 1, completionTokens: 0)
        #expect(total.promptTokens == Int.max && total.totalTokens == Int.max)
        #expect(Usage(promptTokens: Int.min, completionTokens: -1).totalTokens == Int.min)
    }
}
