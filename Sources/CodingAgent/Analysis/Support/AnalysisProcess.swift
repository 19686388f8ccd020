import AgentCore

/// Runs one checker process (a compiler in check mode, the Python AST driver) through the shared
/// `ProcessRunner` and the agent's sandbox: its own process group, no stdin, capped output, the whole
/// group killed at the timeout, only the scratch directory writable, and an environment with only what
/// compilers need.
///
/// No checker executes the code it checks, even with `ENABLE_CODE_EXECUTION=false` (see `CheckerCommand`
/// for each one's flags); the environment adds to that: `CGO_ENABLED=0` (go vet runs no C toolchain),
/// `GOTOOLCHAIN=local` and `GOPROXY=off` (no downloads), `PYTHONDONTWRITEBYTECODE`.
enum AnalysisProcess {
    /// The most bytes kept from each stream.
    static let outputLimit = 1 << 20

    static func run(
        _ executable: String,
        arguments: [String],
        in directory: String,
        searchPath: String,
        sandbox: AnalysisSandbox,
        timeout: Duration
    ) async throws -> AnalysisProcessOutput {
        let program = ToolchainLocator(searchPath: searchPath).locate(executable) ?? executable
        let spec = try await sandbox.spec(
            [program] + arguments, in: directory,
            extra: checkerEnvironment(searchPath: searchPath, directory: directory),
            timeout: timeout, outputLimit: outputLimit)
        let outcome = try await ProcessRunner().run(spec)
        let exitCode: Int32? =
            switch outcome.termination {
            case .exited(let code): code
            case .signaled: nil
            }
        return AnalysisProcessOutput(
            exitCode: exitCode,
            standardOutput: outcome.standardOutput.text,
            standardError: outcome.standardError.text,
            timedOut: outcome.timedOut)
    }

    /// What compilers need besides the allowlisted variables: no tokens, keys or credentials.
    static func checkerEnvironment(searchPath: String, directory: String) -> [String: String] {
        [
            "PATH": searchPath,
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "PYTHONDONTWRITEBYTECODE": "1",
            "NO_COLOR": "1",
            // Checks never reach the network and never run a C toolchain or downloaded code.
            "GOTOOLCHAIN": "local",
            "GOPROXY": "off",
            "GOFLAGS": "-mod=mod",
            "CGO_ENABLED": "0",
            "GOCACHE": directory + "/.gocache",
            "GOPATH": directory + "/.gopath",
        ]
    }
}
