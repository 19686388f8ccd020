import SparkDoctor
import SparkTestSupport
import Testing

@testable import AgentCore

/// Each agent's server answers and serves its model; otherwise the fallback that applies, or a failure.
@Suite struct AgentModelsCheckTests {
    @Test func servedModelsPass() async throws {
        let server = try ScriptedModelServer(models: ["sup-model", "code-model"])
        var world = try DoctorWorld(endpoint: server.endpoint)
        defer { world.remove() }
        world.environment["SUPERVISOR_MODEL"] = "sup-model"
        world.environment["CODING_MODEL"] = "code-model"
        let findings = await world.run("agent")
        #expect(findings.map(\.id) == ["agent.supervisor", "agent.coding"])
        #expect(findings.allSatisfy { $0.verdict == .ok }, "\(findings)")
        #expect(findings[1].detail == "code-model served by \(server.endpoint.baseURL)")
        // One listing per server, however many agents share it.
        #expect(server.requests.filter { $0.path == "/v1/models" }.count == 1)
    }

    @Test func aMissingModelWarnsWithTheFallback() async throws {
        let server = try ScriptedModelServer(models: ["served-model"])
        var world = try DoctorWorld(endpoint: server.endpoint)
        defer { world.remove() }
        world.environment["CODING_MODEL"] = "absent-model"
        let coding = await world.run("agent", agents: ["coding"])[0]
        #expect(coding.verdict == .warning)
        #expect(coding.detail.contains("does not serve absent-model; requests fall back to served-model"))
        #expect(coding.hint == "set CODING_MODEL to one it serves: served-model")
    }

    @Test func aMissingModelFailsWithoutFallback() async throws {
        let server = try ScriptedModelServer(models: ["served-model"])
        var world = try DoctorWorld(endpoint: server.endpoint)
        defer { world.remove() }
        world.environment["CODING_MODEL"] = "absent-model"
        world.environment["SPARK_MODEL_FALLBACK"] = "false"
        let coding = await world.run("agent", agents: ["coding"])[0]
        #expect(coding.verdict == .failure)
        #expect(coding.detail.contains("does not serve absent-model (it serves served-model)"))
    }

    @Test func anEndpointDownFails() async throws {
        let endpoint = try ScriptedModelServer.refusingEndpoint()
        let world = try DoctorWorld(endpoint: endpoint)
        defer { world.remove() }
        // A probe answers quickly: no retries, the doctor's short timeouts instead of the configured ones.
        let options = world.context().client.options
        #expect(options.maxRetries == 0)
        #expect(options.timeouts.connect == .seconds(10))
        let findings = await world.run("agent")
        #expect(findings.allSatisfy { $0.verdict == .failure })
        #expect(findings[0].detail.hasPrefix("\(endpoint.baseURL) does not answer:"), "\(findings[0].detail)")
        #expect(findings[0].hint?.contains("VLLM_ENDPOINT") == true)
    }

    @Test func anAgentEndpointOfItsOwnIsChecked() async throws {
        let shared = try ScriptedModelServer(models: ["meta-llama/Llama-3.1-8B-Instruct", "gpt-oss-120b"])
        let own = try ScriptedModelServer(models: ["other"])
        var world = try DoctorWorld(endpoint: shared.endpoint)
        defer { world.remove() }
        world.environment["CODING_ENDPOINT"] = own.endpoint.baseURL
        let findings = await world.run("agent")
        #expect(findings[0].verdict == .ok, "\(findings[0])")
        #expect(findings[1].verdict == .warning)
        #expect(findings[1].detail.hasPrefix(own.endpoint.baseURL))
    }
}
