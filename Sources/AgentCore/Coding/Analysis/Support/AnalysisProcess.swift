#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Subprocess
import Synchronization

/// Runs one checker process (a compiler in check mode, the Python AST driver) with a timeout.
///
/// Deliberately minimal; the coding agent's general process runner lives elsewhere. The child gets
/// its own process group, no stdin, a scrubbed environment and capped output; on timeout the whole
/// group is killed with SIGKILL.
enum AnalysisProcess {
    /// The most bytes kept from each stream.
    static let outputLimit = 1 << 20

    static func run(
        _ executable: String,
        arguments: [String],
        searchPath: String,
        timeout: Duration
    ) async throws -> AnalysisProcessOutput {
        let processGroup = ProcessGroupBox()
        var options = PlatformOptions()
        options.processGroupID = 0
        let environment = Environment.custom(scrubbedEnvironment(searchPath: searchPath))
        let configuredOptions = options

        return try await withThrowingTaskGroup(of: AnalysisProcessOutput?.self) { group in
            group.addTask {
                let result = try await Subprocess.run(
                    .name(executable),
                    arguments: Arguments(arguments),
                    environment: environment,
                    platformOptions: configuredOptions,
                    input: .none,
                    output: .string(limit: outputLimit),
                    error: .string(limit: outputLimit)
                ) { execution in
                    processGroup.pid.withLock { $0 = execution.processIdentifier.value }
                }
                let exitCode: Int32?
                switch result.terminationStatus {
                case .exited(let code): exitCode = code
                default: exitCode = nil
                }
                return AnalysisProcessOutput(
                    exitCode: exitCode,
                    standardOutput: result.standardOutput,
                    standardError: result.standardError,
                    timedOut: false
                )
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            guard let first = try await group.next() else {
                throw CancellationError()
            }
            if let finished = first {
                group.cancelAll()
                return finished
            }
            // The timeout won: kill the whole process group, then collect what it printed.
            if let pid = processGroup.pid.withLock({ $0 }) {
                kill(-pid, SIGKILL)
            } else {
                group.cancelAll()
            }
            while let next = try await group.next() {
                if var output = next {
                    output.timedOut = true
                    return output
                }
            }
            return AnalysisProcessOutput(exitCode: nil, standardOutput: "", standardError: "", timedOut: true)
        }
    }

    /// Only what compilers need: no tokens, keys or credentials from the server's environment.
    static func scrubbedEnvironment(searchPath: String) -> [Environment.Key: String] {
        var values: [Environment.Key: String] = [
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
        for name in ["HOME", "TMPDIR", "PYENV_ROOT", "PYENV_VERSION", "RUSTUP_HOME", "CARGO_HOME", "GOPATH", "GOROOT", "GOCACHE", "JAVA_HOME"] {
            if let value = getenv(name) {
                values[Environment.Key(stringLiteral: name)] = String(cString: value)
            }
        }
        return values
    }
}

/// The child's pid, shared between the task that runs it and the timeout that kills its group.
private final class ProcessGroupBox: Sendable {
    let pid = Mutex<pid_t?>(nil)
}
