import AgentCore
import SparkTestSupport
import Testing

@Suite struct TurnLimitTests {
    @Test func aRunThatNeverAnswersEndsWithAClearError() async throws {
        let client = ScriptedModelClient(replies: Array(repeating: .toolCalls([("note", "{}")]), count: 5))
        let engine = EngineFixtures.engine(
            client, agents: [EngineFixtures.agent("coding", tools: [EngineFixtures.echo("note")])],
            options: RunOptions(maxTurns: 3))
        let (events, error) = await EngineFixtures.collect(engine.stream(agent: "coding", messages: [.user("loop")]))
        let engineError = try #require(error as? EngineError)
        #expect(engineError.code == .turnLimitExceeded)
        #expect(engineError.message.contains("3 turns"))
        #expect(engineError.partialMessages.count == 6)
        #expect(client.requests.count == 3)
        guard case .error(let agent, let message) = events.last else { Issue.record("no error event"); return }
        #expect(agent == "coding")
        #expect(message.contains("3 turns"))
    }

    @Test func theDefaultLimitIsTenAndTheCallCanOverrideIt() async throws {
        let client = ScriptedModelClient(replies: Array(repeating: .toolCalls([("note", "{}")]), count: 12))
        let engine = EngineFixtures.engine(
            client, agents: [EngineFixtures.agent("coding", tools: [EngineFixtures.echo("note")])])
        await #expect(throws: EngineError.self) { try await engine.run(agent: "coding", messages: [.user("x")]) }
        #expect(client.requests.count == 10)

        let second = ScriptedModelClient(
            replies: Array(repeating: .toolCalls([("note", "{}")]), count: 3) + [.text("fine")])
        let overridden = EngineFixtures.engine(
            second, agents: [EngineFixtures.agent("coding", tools: [EngineFixtures.echo("note")])])
        let response = try await overridden.run(agent: "coding", messages: [.user("x")], maxTurns: 4)
        #expect(response.content == "fine")
    }

    @Test func anUnknownStartingAgentIsAnError() async throws {
        let engine = EngineFixtures.engine(ScriptedModelClient(replies: []), agents: [EngineFixtures.agent("coding")])
        await #expect(throws: EngineError.self) { try await engine.run(agent: "nope", messages: [.user("x")]) }
    }

    @Test func aForcedToolChoiceRelaxesAfterTheAgentCalledTools() async throws {
        let client = ScriptedModelClient(replies: [.toolCalls([("note", "{}")]), .text("done")])
        let engine = EngineFixtures.engine(
            client,
            agents: [EngineFixtures.agent("coding", tools: [EngineFixtures.echo("note")], toolChoice: .required)])
        _ = try await engine.run(agent: "coding", messages: [.user("x")])
        #expect(client.requests.map(\.request.toolChoice) == [.required, .auto])
    }
}
