import AgentCore
import SparkTestSupport
import Testing

@Suite struct HandoffTests {
    @Test func transferToolsComeFromTheRegistryWithTheTargetsDescriptions() async throws {
        var supervisor = EngineFixtures.agent("supervisor")
        supervisor.handsOffToAllAgents = true
        let client = ScriptedModelClient(replies: [.text("hi")])
        let engine = EngineFixtures.engine(
            client, agents: [supervisor, EngineFixtures.agent("coding"), EngineFixtures.agent("rag")])
        _ = try await engine.run(agent: "supervisor", messages: [.user("hello")])
        let tools = try #require(client.requests.first?.request.tools)
        #expect(tools.map(\.name) == ["transfer_to_coding", "transfer_to_rag"])
        #expect(tools[0].description.contains("The coding specialist."))
    }

    @Test func aHandoffSwitchesTheAgentAndTheNextTurnUsesIt() async throws {
        let client = ScriptedModelClient(replies: [
            .toolCalls([("transfer_to_coding", "{}")]),
            .text("done by coding"),
        ])
        let engine = EngineFixtures.engine(
            client,
            agents: [
                EngineFixtures.agent("supervisor", handoffs: ["coding"]),
                EngineFixtures.agent("coding", handoffs: ["supervisor"]),
            ])
        let (events, error) = await EngineFixtures.collect(
            engine.stream(agent: "supervisor", messages: [.user("fix it")]))
        #expect(error == nil)
        #expect(events.contains(.handoff(from: "supervisor", to: "coding")))
        #expect(events.contains(.agentSwitched(to: "coding")))
        guard case .done(let response) = events.last else { Issue.record("no done"); return }
        #expect(response.agent == "coding")
        #expect(response.content == "done by coding")
        let second = client.requests[1].request
        #expect(second.model == "model-coding")
        #expect(second.tools.map(\.name) == ["transfer_to_supervisor"])
        #expect(second.messages.first == .system("You are a test agent."))
    }

    @Test func theFirstHandoffWinsAndEveryCallGetsExactlyOneToolMessage() async throws {
        let client = ScriptedModelClient(replies: [
            .toolCalls([("transfer_to_rag", "{}"), ("note", "{}"), ("transfer_to_coding", "{}")]),
            .text("rag here"),
        ])
        let engine = EngineFixtures.engine(
            client,
            agents: [
                EngineFixtures.agent("supervisor", tools: [EngineFixtures.echo("note")], handoffs: ["coding", "rag"]),
                EngineFixtures.agent("coding"), EngineFixtures.agent("rag"),
            ])
        let response = try await engine.run(agent: "supervisor", messages: [.user("route me")])
        #expect(response.agent == "rag")
        let assistant = try #require(response.messages.first)
        let callIDs = try #require(assistant.toolCalls).map(\.id)
        let toolMessages = response.messages.filter { $0.role == .tool }
        #expect(toolMessages.map(\.toolCallID) == callIDs.map { Optional($0) })
        #expect(toolMessages[0].text.contains("Transferred to rag"))
        #expect(toolMessages[1].text.hasPrefix("echo"))
        #expect(toolMessages[2].text.contains("Transfer to coding was not made"))
        #expect(toolMessages[2].text.contains("rag"))
        // The second request answers every call: no orphan tool_call in the history sent to the model.
        let sent = client.requests[1].request.messages
        let answered = Set(sent.compactMap(\.toolCallID))
        let asked = Set(sent.flatMap { $0.toolCalls ?? [] }.map(\.id))
        #expect(asked == answered)
    }

    @Test func aToolResultCanHandOffAndUnknownTargetsAreExplained() async throws {
        let client = ScriptedModelClient(replies: [
            .toolCalls([("ghost", "{}"), ("escalate", "{}")]),
            .text("coding speaking"),
        ])
        let escalate = EngineFixtures.echo("escalate") { _, _ in ToolResult("escalating", handoff: "coding") }
        let ghost = EngineFixtures.echo("ghost") { _, _ in ToolResult("boo", handoff: "nobody") }
        let engine = EngineFixtures.engine(
            client,
            agents: [EngineFixtures.agent("supervisor", tools: [escalate, ghost]), EngineFixtures.agent("coding")])
        let response = try await engine.run(agent: "supervisor", messages: [.user("go")])
        #expect(response.agent == "coding")
        #expect(response.messages[1].text.contains("no agent named 'nobody'"))
        #expect(response.messages[2].text == "escalating")
    }

    @Test func aTransferToAnAgentNotOfferedIsAnUnknownTool() async throws {
        let client = ScriptedModelClient(replies: [.toolCalls([("transfer_to_rag", "{}")]), .text("ok")])
        let engine = EngineFixtures.engine(
            client,
            agents: [
                EngineFixtures.agent("supervisor", handoffs: ["coding"]), EngineFixtures.agent("coding"),
                EngineFixtures.agent("rag"),
            ])
        let response = try await engine.run(agent: "supervisor", messages: [.user("go")])
        #expect(response.agent == "supervisor")
        #expect(response.messages[1].text.contains("unknown tool `transfer_to_rag`"))
        #expect(response.messages[1].text.contains("transfer_to_coding"))
    }
}
