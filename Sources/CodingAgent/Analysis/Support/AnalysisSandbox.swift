import AgentCore
import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The sandbox the analysis tools' compilers and the Python AST driver run in: the same layers as the
/// process tools, with only the analysis's scratch directory writable and no workspace at all.
///
/// When no sandbox can be applied, compiler-based checks are skipped (rule checks still run).
public struct AnalysisSandbox: Sendable {
    let provider: SandboxProvider
    let layout: SandboxLayout
    let environment: ChildEnvironment
    let toolchains: ToolchainInstallations

    init(
        provider: SandboxProvider, layout: SandboxLayout, environment: ChildEnvironment,
        toolchains: ToolchainInstallations
    ) {
        self.provider = provider
        self.layout = layout
        self.environment = environment
        self.toolchains = toolchains
    }

    /// A sandbox of its own, probed on first use, for toolchains made outside a `CodingToolkit` (tests):
    /// the preference and launcher come from `environment` as for the process tools.
    public init(searchPath: String, environment: [String: String]) {
        let options = ExecutionOptions.fromEnvironment(environment, workspaceRoot: "/")
        toolchains = ToolchainInstallations(searchPath: searchPath, baseEnvironment: environment)
        layout = SandboxLayout(toolchainDirectories: toolchains.directories)
        self.environment = ChildEnvironment(base: environment)
        provider = SandboxProvider(
            preference: options.sandbox, launcherPath: options.launcherPath,
            locator: ToolchainLocator(searchPath: searchPath), layout: layout,
            logger: Logger(label: "spark.analysis"))
    }

    /// The sandbox in force.
    func current() async -> Sandbox {
        await provider.sandbox()
    }

    /// `command` run in `directory` through the sandbox, with the allowlisted environment plus `extra`.
    func spec(
        _ command: [String], in directory: String, extra: [String: String], timeout: Duration, outputLimit: Int
    ) async throws -> ProcessSpec {
        let sandbox = await current()
        if let refusal = sandbox.refusal { throw AnalysisToolchainError(refusal) }
        let run = SandboxRun(
            command: command, workingDirectory: directory, writable: [directory], scratch: directory,
            workspaceRoot: nil)
        let added = toolchains.environment.merging(extra) { _, new in new }
        return sandbox.spec(
            run, layout: layout, environment: environment.make(adding: added), timeout: timeout,
            terminationGrace: .milliseconds(200), outputLimit: outputLimit)
    }
}
