import AgentCore
import ArgumentParser
import SparkAgents
import SparkDoctor
import SparkLSP

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `spark-lsp doctor`: checks the setup and prints a table (or `--json`); exits 1 when anything fails.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the setup: configuration, model servers, sandbox, toolchains, data directory, databases.",
        discussion: """
            Prints one line per check with its verdict (ok, WARN, FAIL, skip) and what to do about it; exits 1 \
            when any check fails, else 0. With --json, one object: {"version", "verdict", "checks": [{"id", \
            "title", "verdict", "detail", "hint"?}]}.
            """)

    @Flag(help: "Print one JSON object instead of the table.")
    var json = false

    @Option(name: .customLong("config"), help: "A JSON configuration file (else SPARK_CONFIG or .spark/config.json).")
    var configFile: String?

    @Option(help: "Seconds each network probe may take.")
    var timeout: Double = 3

    func validate() throws {
        guard timeout > 0, timeout <= 120 else { throw ValidationError("--timeout must be above 0 and at most 120") }
    }

    func run() async throws {
        let report = await Self.examine(
            configFile: configFile, timeout: .milliseconds(Int(timeout * 1000)))
        StandardStream.output(json ? report.json.serialized() + "\n" : report.table)
        throw ExitCode(report.exitCode)
    }

    /// Runs every check against this process's environment.
    static func examine(configFile: String?, timeout: Duration) async -> DoctorReport {
        let context = DoctorContext(
            environment: ProcessInfo.processInfo.environment, configFile: configFile,
            agentNames: [Supervisor.name] + AgentModules.all().map(\.name), timeout: timeout,
            userAgent: "SparkLSP/\(sparkLSPVersion) doctor")
        return await Doctor.examine(context, version: sparkLSPVersion)
    }
}
