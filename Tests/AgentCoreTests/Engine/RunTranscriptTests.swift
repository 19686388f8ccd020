import AgentCore
import SparkTestSupport
import Testing

@Suite struct RunTranscriptTests {
    private let call1 = ToolCall(id: "c1", name: "a", arguments: "{}")
    private let call2 = ToolCall(id: "c2", name: "b", arguments: "{}")

    @Test func answeredPrefixKeepsCompleteTurns() {
        let messages: [ChatMessage] = [
            .assistant(nil, toolCalls: [call1]), .tool(callID: "c1", "one"), .assistant("done"),
        ]
        #expect(RunTranscript.answeredPrefix(of: messages) == messages)
    }

    @Test func answeredPrefixDropsAPartlyAnsweredTurn() {
        let complete: [ChatMessage] = [.assistant(nil, toolCalls: [call1]), .tool(callID: "c1", "one")]
        let partial: [ChatMessage] = [.assistant(nil, toolCalls: [call1, call2]), .tool(callID: "c1", "one")]
        #expect(RunTranscript.answeredPrefix(of: complete + partial) == complete)
        #expect(RunTranscript.answeredPrefix(of: [.assistant(nil, toolCalls: [call2])]).isEmpty)
    }

    @Test func answeredPrefixStopsAtAStrayToolMessage() {
        let messages: [ChatMessage] = [.assistant("hi"), .tool(callID: "nobody", "stray"), .assistant("more")]
        #expect(RunTranscript.answeredPrefix(of: messages) == [.assistant("hi")])
    }

    @Test func aFailedRunKeepsItsAnsweredTurns() async throws {
        let client = ScriptedModelClient(replies: [
            .toolCalls([(name: "echo", arguments: "{}")]),
            .failure(LLMError(.connectionFailed, "backend went away")),
        ])
        let engine = EngineFixtures.engine(
            client, agents: [EngineFixtures.agent("solo", tools: [EngineFixtures.echo("echo")])])
        let transcript = RunTranscript()
        await #expect(throws: LLMError.self) {
            _ = try await engine.run(agent: "solo", messages: [.user("go")], transcript: transcript)
        }
        let kept = transcript.answeredMessages
        #expect(kept.count == 2)
        #expect(kept.first?.toolCalls?.map(\.function.name) == ["echo"])
        #expect(kept.last?.role == .tool)
    }

    @Test func aRunCancelledMidToolsLeavesNoOrphanCall() async throws {
        let (started, signalStarted) = AsyncStream<Void>.makeStream()
        let hanging = EngineFixtures.echo("hang")
        let blocker = ClosureTool(name: "block") { _, _ in
            signalStarted.yield()
            try await Task.sleep(for: .seconds(3600))  // until cancelled
            return ToolResult("never")
        }
        let client = ScriptedModelClient(replies: [
            .toolCalls([(name: "hang", arguments: "{}"), (name: "block", arguments: "{}")])
        ])
        let engine = EngineFixtures.engine(
            client, agents: [EngineFixtures.agent("solo", tools: [hanging, blocker], parallel: false)])
        let transcript = RunTranscript()
        let run = Task { try await engine.run(agent: "solo", messages: [.user("go")], transcript: transcript) }
        for await _ in started { break }
        run.cancel()
        await #expect(throws: CancellationError.self) { _ = try await run.value }
        // The transcript saw the call and the first answer; what can be stored has neither.
        #expect(transcript.messages.count == 2)
        #expect(transcript.answeredMessages.isEmpty)
    }
}
