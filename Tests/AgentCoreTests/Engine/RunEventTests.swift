import AgentCore
import SparkTestSupport
import Testing

@Suite struct RunEventTests {
    static func script() -> [ScriptedModelClient.Reply] {
        [
            .events([
                .reasoningDelta("thinking"), .contentDelta("Let me check. "),
                .toolCallDelta(ToolCallDelta(index: 0, id: "c1", name: "note", argumentsFragment: "{\"a\":")),
                .toolCallDelta(ToolCallDelta(index: 0, argumentsFragment: "1}")),
                .finished(reason: "tool_calls"), .usage(Usage(promptTokens: 10, completionTokens: 4)),
            ]),
            .text("All good.", chunks: 2, usage: Usage(promptTokens: 20, completionTokens: 3)),
        ]
    }

    @Test func eventsArriveInOrder() async throws {
        let engine = EngineFixtures.engine(
            ScriptedModelClient(replies: Self.script()),
            agents: [EngineFixtures.agent("coding", tools: [EngineFixtures.echo("note")])])
        let (events, error) = await EngineFixtures.collect(engine.stream(agent: "coding", messages: [.user("go")]))
        #expect(error == nil)
        let call = ToolCall(id: "c1", name: "note", arguments: #"{"a":1}"#)
        let expectedPrefix: [RunEvent] = [
            .reasoningDelta(agent: "coding", text: "thinking"),
            .textDelta(agent: "coding", text: "Let me check. "),
            .toolCallStarted(agent: "coding", index: 0, id: "c1", name: "note"),
            .toolCallArguments(agent: "coding", index: 0, id: "c1", fragment: "{\"a\":"),
            .toolCallArguments(agent: "coding", index: 0, id: "c1", fragment: "1}"),
            .usage(Usage(promptTokens: 10, completionTokens: 4)),
            .toolCall(agent: "coding", call: call),
            .toolResult(agent: "coding", call: call, result: ToolResult(#"echo {"a":1}"#)),
            .textDelta(agent: "coding", text: "All g"),
            .textDelta(agent: "coding", text: "ood."),
            .usage(Usage(promptTokens: 20, completionTokens: 3)),
        ]
        #expect(Array(events.dropLast()) == expectedPrefix)
        guard case .done(let response) = events.last else { Issue.record("no done"); return }
        #expect(response.usage == Usage(promptTokens: 30, completionTokens: 7))
        #expect(response.messages[0].reasoningContent == "thinking")
        #expect(response.messages[0].agent == "coding")
    }

    @Test func theStreamedAndTheAwaitedRunAgree() async throws {
        let agents = [EngineFixtures.agent("coding", tools: [EngineFixtures.echo("note")])]
        let streamed = EngineFixtures.engine(ScriptedModelClient(replies: Self.script()), agents: agents)
        let awaited = EngineFixtures.engine(ScriptedModelClient(replies: Self.script()), agents: agents)
        let (events, _) = await EngineFixtures.collect(streamed.stream(agent: "coding", messages: [.user("go")]))
        let response = try await awaited.run(agent: "coding", messages: [.user("go")])
        #expect(events.last == .done(response))
        #expect(response.content == "All good.")
        #expect(response.messages.count == 3)
    }

    @Test func aBackendFailureEndsTheStreamWithAnErrorEventAndThrows() async throws {
        let failure = LLMError(.connectionFailed, "connection refused", endpoint: "http://127.0.0.1:9/v1")
        let engine = EngineFixtures.engine(
            ScriptedModelClient(replies: [.failure(failure)]), agents: [EngineFixtures.agent("coding")])
        let (events, error) = await EngineFixtures.collect(engine.stream(agent: "coding", messages: [.user("go")]))
        #expect(error as? LLMError == failure)
        #expect(events == [.error(agent: "coding", message: "connection refused (http://127.0.0.1:9/v1)")])
    }

    @Test func cancellingTheConsumerAbortsTheModelStreamAndEndsWithCancellationError() async throws {
        let client = ScriptedModelClient(replies: [.hang([.contentDelta("partial")])])
        let engine = EngineFixtures.engine(client, agents: [EngineFixtures.agent("coding")])
        let consumer = Task {
            var seen: [RunEvent] = []
            for try await event in engine.stream(agent: "coding", messages: [.user("go")]) {
                seen.append(event)
                withUnsafeCurrentTask { $0?.cancel() }
            }
            return seen
        }
        let outcome = await consumer.result
        // The stream either finishes quietly (cancelled consumer) or throws CancellationError.
        if case .failure(let error) = outcome { #expect(error is CancellationError) }
        try await withDeadline { await client.waitForCancellation() }
        #expect(client.cancellations == 1)
    }

    @Test func cancellingAnAwaitedRunThrowsCancellationError() async throws {
        let client = ScriptedModelClient(replies: [.hang([.contentDelta("partial")])])
        let engine = EngineFixtures.engine(client, agents: [EngineFixtures.agent("coding")])
        let run = Task { try await engine.run(agent: "coding", messages: [.user("go")]) }
        run.cancel()
        let outcome = await run.result
        guard case .failure(let error) = outcome else { Issue.record("the run finished"); return }
        #expect(error is CancellationError)
    }
}
