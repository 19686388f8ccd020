import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Configuration of the process tools (`execute_code`, `python_repl`, `bash`).
public struct ExecutionOptions: Sendable {
    /// `ENABLE_CODE_EXECUTION`: when false the three tools are not offered and calls are refused.
    public var enableCodeExecution: Bool
    /// The workspace root, absolute; `bash` runs here and the sandbox keeps it writable.
    public var workspaceRoot: String
    /// Used when a call gives no timeout.
    public var defaultTimeout: Duration
    /// A call's timeout is clamped to this.
    public var maximumTimeout: Duration
    /// Time between SIGTERM and SIGKILL when a run is stopped.
    public var terminationGrace: Duration
    /// Bytes kept per output stream (head and tail).
    public var outputLimit: Int
    /// Which sandbox layers to use (`CODE_EXECUTION_SANDBOX`: `off`, `launcher`).
    public var sandbox: SandboxPreference
    /// The `spark-sandbox` launcher: `SPARK_SANDBOX_LAUNCHER`, else next to the running executable.
    public var launcherPath: String?
    /// Where per-run scratch directories are made (absolute).
    public var scratchRoot: String
    /// The environment children start from, before scrubbing.
    public var baseEnvironment: [String: String]
    /// The programs `bash` may run and what else it refuses.
    public var commandPolicy: CommandPolicy
    /// Python REPL processes kept at a time (one per session); opening one more closes the least recently used
    /// (`PYTHON_REPL_MAX_SESSIONS`).
    public var maximumREPLSessions: Int

    public init(
        enableCodeExecution: Bool = true,
        workspaceRoot: String,
        defaultTimeout: Duration = .seconds(30),
        maximumTimeout: Duration = .seconds(300),
        terminationGrace: Duration = .seconds(2),
        outputLimit: Int = 32 * 1024,
        sandbox: SandboxPreference = .automatic,
        launcherPath: String? = ExecutionOptions.defaultLauncherPath,
        scratchRoot: String = "/tmp",
        baseEnvironment: [String: String],
        commandPolicy: CommandPolicy = CommandPolicy(),
        maximumREPLSessions: Int = 8
    ) {
        self.enableCodeExecution = enableCodeExecution
        self.workspaceRoot = workspaceRoot
        self.defaultTimeout = defaultTimeout
        self.maximumTimeout = maximumTimeout
        self.terminationGrace = terminationGrace
        self.outputLimit = outputLimit
        self.sandbox = sandbox
        self.launcherPath = launcherPath
        self.scratchRoot = scratchRoot
        self.baseEnvironment = baseEnvironment
        self.commandPolicy = commandPolicy
        self.maximumREPLSessions = maximumREPLSessions
    }

    /// Options read from an environment: `ENABLE_CODE_EXECUTION` (`false`, `0`, `no`, `off` disable),
    /// `CODE_EXECUTION_TIMEOUT` and `CODE_EXECUTION_MAX_TIMEOUT` (seconds), `CODE_EXECUTION_SANDBOX=off`
    /// (or `launcher`: the launcher alone, without bwrap), `SPARK_SANDBOX_LAUNCHER`, `PYTHON_REPL_MAX_SESSIONS`.
    public static func fromEnvironment(_ environment: [String: String], workspaceRoot: String) -> ExecutionOptions {
        var options = ExecutionOptions(workspaceRoot: workspaceRoot, baseEnvironment: environment)
        let off: Set<String> = ["false", "0", "no", "off"]
        if let flag = environment["ENABLE_CODE_EXECUTION"], off.contains(flag.lowercased()) {
            options.enableCodeExecution = false
        }
        if let seconds = environment["CODE_EXECUTION_TIMEOUT"].flatMap(Int.init), seconds > 0 {
            options.defaultTimeout = .seconds(seconds)
        }
        if let seconds = environment["CODE_EXECUTION_MAX_TIMEOUT"].flatMap(Int.init), seconds > 0 {
            options.maximumTimeout = .seconds(seconds)
        }
        if let sandbox = environment["CODE_EXECUTION_SANDBOX"]?.lowercased() {
            if off.contains(sandbox) { options.sandbox = .disabled }
            if sandbox == "launcher" { options.sandbox = .launcherOnly }
        }
        if let launcher = environment["SPARK_SANDBOX_LAUNCHER"], !launcher.isEmpty {
            options.launcherPath = launcher
        }
        if let count = environment["PYTHON_REPL_MAX_SESSIONS"].flatMap(Int.init), count > 0 {
            options.maximumREPLSessions = count
        }
        return options
    }

    /// `spark-sandbox` in the directory of `/proc/self/exe` (built next to `spark-lsp`, and next to the test
    /// binary), or `nil` when that cannot be read.
    public static var defaultLauncherPath: String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let path = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash]) + "/spark-sandbox"
    }

    /// The `PATH` children get and toolchains are looked up in.
    public var searchPath: String {
        baseEnvironment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    }

    /// A call's timeout: the requested seconds (or the default), clamped to 1 s ... maximum.
    public func timeout(requestedSeconds: Double?) -> Duration {
        guard let requestedSeconds, requestedSeconds.isFinite, requestedSeconds > 0 else { return defaultTimeout }
        let requested = Duration.milliseconds(Int64(min(requestedSeconds, 1e7) * 1000))
        return min(max(requested, .seconds(1)), maximumTimeout)
    }
}
