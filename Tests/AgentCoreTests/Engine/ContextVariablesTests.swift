import AgentCore
import SparkJSON
import SparkTestSupport
import Testing

@Suite struct ContextVariablesTests {
    @Test func instructionsAreRenderedFromContextVariablesAndUpdatesFlowToLaterTurns() async throws {
        let client = ScriptedModelClient(replies: [
            .toolCalls([("login", "{}")]), .toolCalls([("whoami", "{}")]), .text("ok"),
        ])
        let login = EngineFixtures.echo("login") { _, _ in ToolResult("logged in", contextUpdates: ["user": "ada"]) }
        let whoami = EngineFixtures.echo("whoami") { _, context in
            ToolResult("you are \(context.variables["user"]?.stringValue ?? "?")")
        }
        let agent = EngineFixtures.agent(
            "coding", tools: [login, whoami],
            instructions: .dynamic { variables in "Help \(variables["user"]?.stringValue ?? "a guest")." })
        let engine = EngineFixtures.engine(client, agents: [agent])
        let response = try await engine.run(
            agent: "coding", messages: [.user("hi")], contextVariables: ["team": "core"])
        #expect(client.requests[0].request.messages.first == .system("Help a guest."))
        #expect(client.requests[1].request.messages.first == .system("Help ada."))
        #expect(response.messages.contains { $0.role == .tool && $0.text == "you are ada" })
        #expect(response.contextVariables == ["team": "core", "user": "ada"])
    }

    @Test func contextVariablesNeverReachTheModel() async throws {
        let client = ScriptedModelClient(replies: [.toolCalls([("whoami", "{}")]), .text("ok")])
        let whoami = EngineFixtures.echo("whoami") { _, context in
            ToolResult("token ok: \(context.variables["token"] != nil)")
        }
        let engine = EngineFixtures.engine(client, agents: [EngineFixtures.agent("coding", tools: [whoami])])
        _ = try await engine.run(agent: "coding", messages: [.user("hi")], contextVariables: ["token": "s3cr3t"])
        for recorded in client.requests {
            let body = try JSONValue(encoding: recorded.request.messages).serialized()
            #expect(!body.contains("s3cr3t"))
            #expect(!recorded.request.tools.map { $0.parameters.serialized() }.joined().contains("token"))
        }
    }
}
