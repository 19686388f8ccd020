import AgentCore
import SparkTestSupport
import Testing

@Suite struct AgentCompositionTests {
    struct Broken: Error {}

    func run(_ configuration: SparkConfiguration, workflow: String? = nil) -> AgentRunContext {
        AgentRunContext(
            configuration: configuration, editor: RecordingWorkspaceEditor(), documents: nil,
            approval: AllowAllPolicy(), workflow: workflow,
            logger: .silent)
    }

    @Test func theSupervisorRoutesToEveryModuleWithItsConfiguredSettings() throws {
        let configuration = try SparkConfiguration.load(environment: [
            "CODING_MODEL": "tiny", "VLLM_ENDPOINT": "http://127.0.0.1:1/v1",
        ])
        let echo = TypedTool<[String: String]>(name: "echo", description: "Echo.") { _, _ in ToolResult("") }
        let modules: [any AgentModule] = [
            FixtureAgentModule(name: "coding", description: "Writes code.") { _ in [echo] },
            FixtureAgentModule(name: "rag", description: "Answers from the documentation."),
        ]
        let registry = try AgentRegistry.composing(modules, run: run(configuration))
        #expect(registry.names == ["supervisor", "coding", "rag"])
        let coding = try #require(registry["coding"])
        #expect(coding.model == "tiny")
        #expect(coding.endpoint.baseURL == "http://127.0.0.1:1/v1")
        #expect(coding.tools.map(\.name) == ["echo"])
        #expect(coding.maxTurns == 10)
        #expect(try #require(registry["rag"]).model == "gpt-oss-20b")
        let supervisor = try #require(registry["supervisor"])
        #expect(registry.handoffTargets(of: supervisor).map(\.name) == ["coding", "rag"])
        #expect(registry.handoffTargets(of: coding).map(\.name) == ["supervisor"])
        // The supervisor's prompt lists every specialist with its transfer tool.
        let prompt = supervisor.instructions.render([:])
        #expect(prompt.contains("`rag` (`transfer_to_rag`): Answers from the documentation."))
    }

    @Test func aModuleThatCannotBuildItsAgentIsLeftOutAndABadRequestFails() throws {
        let broken = FixtureAgentModule(name: "broken") { _ in throw Broken() }
        let registry = try AgentRegistry.composing(
            [broken, FixtureAgentModule(name: "coding", description: "Writes code.")], run: run(.defaults))
        #expect(registry.names == ["supervisor", "coding"])

        let picky = FixtureAgentModule(name: "picky") { run in
            guard run.workflow == nil else { throw ChatError(.invalidRequest, "unknown workflow") }
            return run.configuredAgent("picky")
        }
        let error = #expect(throws: ChatError.self) {
            try AgentRegistry.composing([picky], run: run(.defaults, workflow: "poetry"))
        }
        #expect(error?.code == .invalidRequest)
    }
}
