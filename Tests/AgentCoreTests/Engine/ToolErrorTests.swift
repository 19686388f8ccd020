import AgentCore
import SparkTestSupport
import Testing

@Suite struct ToolErrorTests {
    struct Boom: Error, CustomStringConvertible { var description: String { "disk on fire" } }

    @Test func invalidJSONArgumentsBecomeAToolErrorAndTheModelCanRetry() async throws {
        let client = ScriptedModelClient(replies: [
            .toolCalls([("note", #"{"text": "unterminated"#)]),
            .toolCalls([("note", #"{"text": "fixed"}"#)]),
            .text("retried"),
        ])
        let engine = EngineFixtures.engine(
            client, agents: [EngineFixtures.agent("coding", tools: [EngineFixtures.echo("note")])])
        let response = try await engine.run(agent: "coding", messages: [.user("go")])
        let tools = response.messages.filter { $0.role == .tool }
        #expect(
            tools[0].text.hasPrefix(
                "error: the arguments of `note` are not valid JSON (invalid JSON at byte 22: unexpected end of text)"))
        #expect(tools[1].text == #"echo {"text":"fixed"}"#)
        #expect(response.content == "retried")
    }

    @Test func unknownToolsThrowingToolsAndNonObjectArgumentsAreToolErrors() async throws {
        let client = ScriptedModelClient(replies: [
            .toolCalls([
                ("nope", "{}"), ("explode", "{}"), ("note", "[1]"), ("note", ""), ("note", #""{\"a\":1}""#),
                ("note", #"{"a": 2, }"#),
            ]),
            .text("ok"),
        ])
        let explode = ClosureTool(name: "explode") { _, _ in throw Boom() }
        let engine = EngineFixtures.engine(
            client, agents: [EngineFixtures.agent("coding", tools: [EngineFixtures.echo("note"), explode])])
        let response = try await engine.run(agent: "coding", messages: [.user("go")])
        let tools = response.messages.filter { $0.role == .tool }.map(\.text)
        #expect(tools[0] == "error: unknown tool `nope`. Available tools: note, explode.")
        #expect(tools[1] == "error: `explode` failed: disk on fire")
        #expect(tools[2].contains("expected a JSON object"))
        #expect(tools[3] == "echo {}")
        #expect(tools[4] == #"echo {"a":1}"#)
        #expect(tools[5] == #"echo {"a":2}"#, "a trailing comma is forgiven")
    }
}
