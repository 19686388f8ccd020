import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs one checker process (a compiler in check mode, the Python AST driver) through the shared
/// `ProcessRunner`: its own process group, no stdin, capped output, the whole group killed at the
/// timeout, and an environment with only what compilers need.
enum AnalysisProcess {
    /// The most bytes kept from each stream.
    static let outputLimit = 1 << 20

    static func run(
        _ executable: String,
        arguments: [String],
        searchPath: String,
        timeout: Duration
    ) async throws -> AnalysisProcessOutput {
        let environment = scrubbedEnvironment(searchPath: searchPath)
        let spec = ProcessSpec(
            executable: ToolchainLocator(searchPath: searchPath).locate(executable) ?? executable,
            arguments: arguments,
            workingDirectory: environment["TMPDIR"] ?? "/tmp",
            environment: environment,
            timeout: timeout,
            terminationGrace: .milliseconds(200),
            outputLimit: outputLimit)
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

    /// Only what compilers need: no tokens, keys or credentials from the server's environment.
    static func scrubbedEnvironment(searchPath: String) -> [String: String] {
        var values: [String: String] = [
            "PATH": searchPath,
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "PYTHONDONTWRITEBYTECODE": "1",
            "NO_COLOR": "1",
            // Checks never reach the network: no Go toolchain or module downloads.
            "GOTOOLCHAIN": "local",
            "GOPROXY": "off",
            "GOFLAGS": "-mod=mod",
        ]
        for name in [
            "HOME", "TMPDIR", "PYENV_ROOT", "PYENV_VERSION", "RUSTUP_HOME", "CARGO_HOME", "GOPATH", "GOROOT",
            "GOCACHE", "JAVA_HOME",
        ] {
            if let value = getenv(name) { values[name] = String(cString: value) }
        }
        return values
    }
}
