import AgentCore
import SparkDoctor
import SparkTestSupport
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The configuration layers in effect: the file, the variables (names only), an untrusted workspace file.
@Suite struct ConfigurationCheckTests {
    @Test func theFileAndVariablesInEffectAreNamed() async throws {
        let server = try ScriptedModelServer()
        var world = try DoctorWorld(endpoint: server.endpoint)
        defer { world.remove() }
        let file = world.directory + "/config.json"
        try #"{"agents": {"coding": {"model": "from-file"}}}"#.write(toFile: file, atomically: true, encoding: .utf8)
        world.environment["SPARK_CONFIG"] = file
        world.environment["VLLM_API_KEY"] = "secret-key"
        let finding = await world.run("configuration")[0]
        #expect(finding.verdict == .ok)
        #expect(
            finding.detail.hasPrefix(
                "file: \(file); environment: SPARK_CONFIG, VLLM_ENDPOINT, VLLM_API_KEY, WORKSPACE_DIR, SPARK_DATA_DIR;"),
            "\(finding.detail)")
        #expect(!finding.detail.contains("secret-key"))
    }

    @Test func aBadVariableFailsAndTheChecksThatNeedTheConfigurationAreSkipped() async throws {
        let server = try ScriptedModelServer()
        var world = try DoctorWorld(endpoint: server.endpoint)
        defer { world.remove() }
        world.environment["VLLM_ENDPOINT"] = "ftp://example.org"
        let report = await Doctor.examine(world.context(), version: "test")
        let configuration = try #require(report.findings.first { $0.id == "configuration" })
        #expect(configuration.verdict == .failure)
        #expect(configuration.detail.contains("VLLM_ENDPOINT"), "\(configuration.detail)")
        for id in ["agent.supervisor", "agent.coding", "data"] {
            #expect(report.findings.first { $0.id == id }?.verdict == .skipped, "\(id)")
        }
        #expect(report.exitCode == 1)
        #expect(server.requests.isEmpty)
    }

    @Test func anUntrustedWorkspaceFileWarns() async throws {
        let server = try ScriptedModelServer()
        let world = try DoctorWorld(endpoint: server.endpoint)
        defer { world.remove() }
        try FileManager.default.createDirectory(
            atPath: world.directory + "/ws/.spark", withIntermediateDirectories: true)
        try #"{"apiKey": "workspace-key"}"#.write(
            toFile: world.directory + "/ws/.spark/config.json", atomically: true, encoding: .utf8)
        let finding = await world.run("configuration")[0]
        #expect(finding.verdict == .warning)
        #expect(finding.detail.contains("sets apiKey, ignored until you trust this workspace"), "\(finding.detail)")
        #expect(finding.hint?.contains("--trust") == true)
    }
}
