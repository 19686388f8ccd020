import AgentCore
import SparkDoctor
import SparkTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The sandbox as the coding agent would probe it, bubblewrap and why not, and the toolchains on `PATH`.
@Suite struct SandboxAndToolchainsCheckTests {
    @Test func withoutBubblewrapOnPATHItSaysSo() async throws {
        let server = try ScriptedModelServer()
        var world = try DoctorWorld(endpoint: server.endpoint)
        defer { world.remove() }
        world.environment["PATH"] = try world.programs(["python3"])
        let findings = await world.run("sandbox")
        let bubblewrap = try #require(findings.first { $0.id == "sandbox.bubblewrap" })
        #expect(bubblewrap.verdict == .warning)
        #expect(bubblewrap.detail == "bwrap is not installed")
        #expect(bubblewrap.hint?.contains("apt-get install bubblewrap") == true)
        // Without bwrap the launcher alone confines (a warning), or nothing does (a failure): never ok.
        let sandbox = try #require(findings.first { $0.id == "sandbox" })
        #expect(sandbox.verdict != .ok, "\(sandbox)")
    }

    @Test func aLauncherMissingAndNoBubblewrapFails() async throws {
        let server = try ScriptedModelServer()
        var world = try DoctorWorld(endpoint: server.endpoint)
        defer { world.remove() }
        world.environment["PATH"] = try world.programs([])
        world.environment["SPARK_SANDBOX_LAUNCHER"] = world.directory + "/no-such-launcher"
        let sandbox = try #require(await world.run("sandbox").first { $0.id == "sandbox" })
        #expect(sandbox.verdict == .failure)
        #expect(sandbox.detail.contains("the spark-sandbox launcher was not found"), "\(sandbox.detail)")
        #expect(sandbox.detail.contains("bwrap is not installed"))
    }

    @Test func optingOutWarns() async throws {
        let server = try ScriptedModelServer()
        var world = try DoctorWorld(endpoint: server.endpoint)
        defer { world.remove() }
        world.environment["CODE_EXECUTION_SANDBOX"] = "off"
        let findings = await world.run("sandbox")
        #expect(findings.map(\.verdict) == [.warning, .skipped])
        #expect(findings[0].detail.hasPrefix("off (CODE_EXECUTION_SANDBOX=off)"))
    }

    @Test(.enabled(if: access("/usr/bin/bwrap", X_OK) == 0)) func bubblewrapOnPATHIsProbed() async throws {
        let server = try ScriptedModelServer()
        let world = try DoctorWorld(endpoint: server.endpoint)
        defer { world.remove() }
        let bubblewrap = try #require(await world.run("sandbox").first { $0.id == "sandbox.bubblewrap" })
        // Usable, or a reason from running it (a container without user namespaces), never "not installed".
        #expect(bubblewrap.verdict == .ok || bubblewrap.detail.contains("bwrap cannot"), "\(bubblewrap)")
        if bubblewrap.verdict == .ok { #expect(bubblewrap.detail == "/usr/bin/bwrap runs with the hardened flags") }
    }

    @Test func toolchainsFoundAndMissing() async throws {
        let server = try ScriptedModelServer()
        var world = try DoctorWorld(endpoint: server.endpoint)
        defer { world.remove() }
        world.environment["PATH"] = try world.programs(["python3", "node", "tsc", "javac", "java", "clang"])
        let findings = await world.run("toolchains")
        #expect(findings.map(\.id) == ["toolchains.execute_code", "toolchains.analysis"])
        #expect(findings.map(\.verdict) == [.ok, .ok])
        #expect(
            findings[0].detail
                == "python (python3), javascript (node), typescript (tsc+node), java (javac+java), c (clang); "
                + "missing: go, rust, cpp, bash")
        #expect(findings[1].detail.hasPrefix("python (python3), c (clang), javascript (node), typescript (tsc)"))
    }

    @Test func withoutPythonTheToolsWarn() async throws {
        let server = try ScriptedModelServer()
        var world = try DoctorWorld(endpoint: server.endpoint)
        defer { world.remove() }
        world.environment["PATH"] = try world.programs(["bash"])
        let findings = await world.run("toolchains")
        #expect(findings.map(\.verdict) == [.warning, .warning])
        #expect(findings[0].detail.hasPrefix("bash (bash); missing: python"))

        world.environment["ENABLE_CODE_EXECUTION"] = "false"
        #expect(await world.run("toolchains")[0].verdict == .skipped)
    }
}
