import AgentCore
import Testing

@Suite struct DefaultAgentsTests {
    @Test func theSupervisorRoutesToEveryRegisteredSpecialist() throws {
        let configuration = try SparkConfiguration.load(environment: [
            "CODING_MODEL": "tiny", "VLLM_ENDPOINT": "http://127.0.0.1:1/v1",
        ])
        let echo = TypedTool<[String: String]>(name: "echo", description: "Echo.") { _, _ in ToolResult("") }
        var registry = makeDefaultAgents(configuration: configuration, codingTools: [echo])
        #expect(registry.names == ["supervisor", "coding"])
        let coding = try #require(registry["coding"])
        #expect(coding.model == "tiny")
        #expect(coding.endpoint.baseURL == "http://127.0.0.1:1/v1")
        #expect(coding.tools.map(\.name) == ["echo"])
        #expect(coding.maxTurns == 10)
        let supervisor = try #require(registry["supervisor"])
        #expect(registry.handoffTargets(of: supervisor).map(\.name) == ["coding"])
        #expect(registry.handoffTargets(of: coding).map(\.name) == ["supervisor"])

        // A new specialist slots in without touching the supervisor.
        var rag = configuredAgent("rag", configuration: configuration)
        rag.description = "Answers from the documentation."
        registry.register(rag)
        #expect(registry.handoffTargets(of: supervisor).map(\.name) == ["coding", "rag"])
        #expect(rag.model == "gpt-oss-20b")
    }
}
