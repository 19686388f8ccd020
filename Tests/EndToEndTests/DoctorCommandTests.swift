import AgentCore
import SparkJSON
import SparkTestSupport
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// `spark-lsp doctor` as a script (and `:checkhealth spark`) runs it: the `--json` contract and the exit code.
@Suite struct DoctorCommandTests {
    @Test func jsonWithServedModelsAndTheExitCodeFollowsTheVerdict() async throws {
        let environment = try ChatEnvironment()
        defer { environment.remove() }
        let server = try ScriptedModelServer(models: ["test-model"])
        let variables = environment.variablesServingEveryAgent(server)
        let exit = try await SparkProcess(["doctor", "--json", "--timeout", "30"], environment: variables).exit()
        let report = try JSONValue(parsing: Array(exit.stdout.utf8))
        #expect(report["version"]?.stringValue == sparkVersion)
        let checks = try #require(report["checks"]?.arrayValue)
        let ids = checks.compactMap { $0["id"]?.stringValue }
        for id in [
            "configuration", "agent.supervisor", "agent.coding", "embedding", "milvus", "sandbox", "sandbox.bubblewrap",
            "toolchains.execute_code", "toolchains.analysis", "data", "sqlite",
        ] {
            #expect(ids.contains(id), "\(id) in \(ids)")
        }
        for check in checks {
            let keys = Set((check.objectValue ?? [:]).keys)
            #expect(keys.isSubset(of: ["id", "title", "verdict", "detail", "hint"]) && keys.count >= 4, "\(keys)")
            #expect(["ok", "warning", "failure", "skipped"].contains(check["verdict"]?.stringValue ?? ""))
        }
        #expect(checks.first { $0["id"] == "agent.coding" }?["verdict"] == "ok")
        let failed = checks.contains { $0["verdict"] == "failure" }
        #expect(
            report["verdict"]?.stringValue
                == (failed ? "failure" : checks.contains { $0["verdict"] == "warning" } ? "warning" : "ok"))
        #expect(exit.status == (failed ? 1 : 0), "\(exit.stdout)")
    }

    @Test func anEndpointDownFailsWithExitCodeOne() async throws {
        let environment = try ChatEnvironment()
        defer { environment.remove() }
        let exit = try await SparkProcess(
            ["doctor"], environment: environment.variables(endpoint: try ScriptedModelServer.refusingEndpoint())
        ).exit()
        #expect(exit.status == 1)
        #expect(exit.lines.contains { $0.hasPrefix("  FAIL  Agent coding") }, "\(exit.stdout)")
        #expect(exit.lines.last?.hasPrefix("doctor: ") == true)
    }

    @Test(.enabled(if: getuid() != 0 || access("/usr/bin/setpriv", X_OK) == 0))
    func aReadOnlyDataDirectoryFails() async throws {
        let environment = try ChatEnvironment()
        defer { environment.remove() }
        let server = try ScriptedModelServer()
        let data = environment.directory + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        chmod(environment.directory, 0o755)
        chmod(data, 0o555)
        // Root writes anywhere: the doctor runs as nobody then.
        let prefix =
            getuid() == 0 ? ["/usr/bin/setpriv", "--reuid", "65534", "--regid", "65534", "--clear-groups", "--"] : []
        let exit = try await SparkProcess(
            ["doctor", "--json"], environment: environment.variables(endpoint: server.endpoint), prefix: prefix
        ).exit()
        #expect(exit.status == 1, "\(exit.stdout) \(exit.stderr)")
        let report = try JSONValue(parsing: Array(exit.stdout.utf8))
        let check = try #require(report["checks"]?.arrayValue?.first { $0["id"] == "data" })
        #expect(check["verdict"] == "failure")
        #expect(check["detail"]?.stringValue == "\(data) is not writable: Permission denied")
    }
}
