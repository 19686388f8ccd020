import AgentCore
import SparkTestSupport
import Testing

@Suite struct ModelFallbackTests {
    static let notFound = LLMError(.modelNotFound, "The model `model-coding` does not exist.", httpStatus: 404)

    @Test func aModelTheServerDoesNotServeFallsBackToItsFirstModel() async throws {
        let client = ScriptedModelClient(
            replies: [.failure(Self.notFound), .toolCalls([("note", "{}")]), .text("ok")], models: ["tiny", "other"])
        let engine = EngineFixtures.engine(
            client, agents: [EngineFixtures.agent("coding", tools: [EngineFixtures.echo("note")])])
        let response = try await engine.run(agent: "coding", messages: [.user("go")])
        #expect(response.content == "ok")
        #expect(client.requests.map(\.request.model) == ["model-coding", "tiny", "tiny"])
        #expect(client.listModelsCalls == 1)
    }

    @Test func fallbackCanBeTurnedOff() async throws {
        let client = ScriptedModelClient(replies: [.failure(Self.notFound)], models: ["tiny"])
        let engine = EngineFixtures.engine(
            client, agents: [EngineFixtures.agent("coding")], options: RunOptions(modelFallback: false))
        await #expect(throws: LLMError.self) { try await engine.run(agent: "coding", messages: [.user("go")]) }
        #expect(client.listModelsCalls == 0)
    }

    @Test func noModelsListedKeepsTheOriginalError() async throws {
        let client = ScriptedModelClient(replies: [.failure(Self.notFound)], models: [])
        let engine = EngineFixtures.engine(client, agents: [EngineFixtures.agent("coding")])
        let (events, error) = await EngineFixtures.collect(engine.stream(agent: "coding", messages: [.user("go")]))
        #expect((error as? LLMError)?.code == .modelNotFound)
        #expect(events == [.error(agent: "coding", message: "HTTP 404: The model `model-coding` does not exist.")])
    }
}
