import AgentCore
import SparkJSON
import SparkLSP
import SparkTestSupport
import Testing

/// A new specialist is one module and one registration: the supervisor lists it and routes to it, its
/// tool runs and its events reach the editor, with no other change.
@Suite struct NewAgentTests {

    @Test func theSupervisorRoutesToAThrowawayAgentAndItsToolRuns() async throws {
        let forecast = TypedTool<[String: String]>(name: "forecast", description: "The weather in a city.") {
            arguments, _ in
            ToolResult("sunny in \(arguments["city"] ?? "?")")
        }
        let weather = FixtureAgentModule(name: "weather", description: "Tells the weather.") { _ in [forecast] }
        let fixture = try await EditorFixture(
            settings: ["agents": ["supervisor": ["model": "sup-model"], "weather": ["model": "code-model"]]],
            extraAgents: [weather])
        fixture.model.enqueue(.toolCalls([ScriptedToolCall(name: "transfer_to_weather", arguments: [:])]))
        fixture.model.enqueue(.toolCalls([ScriptedToolCall(id: "w1", name: "forecast", arguments: ["city": "Oslo"])]))
        fixture.model.enqueue(.text("It is sunny in Oslo."))

        let result = try await fixture.client.send(SparkChatRequest(message: "weather in Oslo?"))

        #expect(result.agent == "weather")
        #expect(result.content == "It is sunny in Oslo.")
        let supervisorRequest = try #require(fixture.model.requests.first?.body)
        let offered = supervisorRequest["tools"]?.arrayValue?.compactMap { $0["function"]?["name"]?.stringValue }
        #expect(offered?.contains("transfer_to_weather") == true)
        let system = supervisorRequest["messages"]?.arrayValue?.first?["content"]?.stringValue ?? ""
        #expect(system.contains("`weather` (`transfer_to_weather`): Tells the weather."))
        let events = fixture.chatEvents()
        #expect(events.contains { $0.kind == "handoff" && $0.fields["to"] == "weather" })
        let toolResult = try #require(events.first { $0.kind == "toolResult" && $0.fields["name"] == "forecast" })
        #expect(toolResult.agent == "weather" && toolResult.fields["content"] == "sunny in Oslo")
        #expect(fixture.requestedModels == ["sup-model", "code-model", "code-model"])
    }
}
