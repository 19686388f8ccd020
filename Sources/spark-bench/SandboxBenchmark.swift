import AgentCore
import ArgumentParser
import CodingAgent
import Logging

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// `spark-bench sandbox`: the start-up the sandbox adds to every process the agent starts: `/bin/true`
/// through every layer (bwrap + the launcher, and the launcher alone, each with the call's pids cgroup where
/// one can be made, as the tools run them) against a plain spawn, median of N.
struct SandboxBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Time /bin/true through the sandbox's layers against a plain spawn (target: < 20 ms added).")

    @Option(help: "How many timed runs of each (the median is reported).")
    var runs = 31

    mutating func run() async throws {
        let workspace = "/tmp/spark-bench-sandbox-\(getpid())"
        try? FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        let environment = ProcessInfo.processInfo.environment
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        let plain = try await time {
            ProcessSpec(
                executable: "/bin/true", workingDirectory: workspace, environment: ["PATH": "/usr/bin:/bin"],
                timeout: .seconds(10))
        }
        print("plain spawn of /bin/true: median \(Statistics.format(plain)) ms")
        for preference in [SandboxPreference.automatic, .launcherOnly] {
            let toolchains = ToolchainInstallations(searchPath: path, baseEnvironment: environment)
            let layout = SandboxLayout(toolchainDirectories: toolchains.directories)
            let provider = SandboxProvider(
                preference: preference, launcherPath: ExecutionOptions.defaultLauncherPath,
                locator: ToolchainLocator(searchPath: path), layout: layout, logger: Logger(label: "bench"))
            let sandbox = await provider.sandbox()
            guard sandbox.isConfined else {
                print("\(preference): unavailable here (\(sandbox.layers))")
                continue
            }
            let run = SandboxRun(
                command: ["/bin/true"], workingDirectory: workspace, writable: [workspace], scratch: workspace,
                workspaceRoot: workspace)
            let median = try await time {
                sandbox.spec(
                    run, layout: layout, environment: ["PATH": "/usr/bin:/bin"], timeout: .seconds(10),
                    terminationGrace: .seconds(1), outputLimit: 4096)
            }
            print(
                "\(sandbox.layers): median \(Statistics.format(median)) ms, +\(Statistics.format(median - plain)) ms, "
                    + "\(Statistics.format(median / max(plain, 0.001), digits: 1))x a plain spawn")
        }
    }

    /// The median time, in ms, of running the spec `makeSpec` returns (a fresh one per run: each call gets
    /// its own cgroup).
    private func time(_ makeSpec: () -> ProcessSpec) async throws -> Double {
        let seconds = try await BenchmarkMath.timeRuns(runs) {
            let spec = makeSpec()
            let outcome = try await ProcessRunner().run(spec)
            guard outcome.termination.isSuccess else {
                throw BenchError("\(spec.executable) failed: \(outcome.standardError.text)")
            }
        }
        return BenchmarkMath.median(seconds) * 1000
    }
}
