import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the analysis tools look for compilers and interpreters, and how long they may run.
///
/// Tests point `searchPath` at an empty directory to simulate a machine without toolchains.
public struct AnalysisToolchain: Sendable {
    /// A `PATH`-style list of directories searched for `python3`, `swiftc`, `clang`, `node`, ...
    public var searchPath: String
    /// The longest a single checker process may run before its process group is killed.
    public var timeout: Duration
    /// The sandbox checker processes run in.
    public var sandbox: AnalysisSandbox

    /// - Parameters:
    ///   - searchPath: directories to search; `nil` uses this process's `PATH`.
    ///   - timeout: per-process limit (default 20 seconds).
    ///   - sandbox: the agent's sandbox (`ExecutionToolkit.analysisSandbox`); `nil` probes one of its own
    ///     from this process's environment.
    public init(searchPath: String? = nil, timeout: Duration = .seconds(20), sandbox: AnalysisSandbox? = nil) {
        if let searchPath {
            self.searchPath = searchPath
        } else if let value = getenv("PATH") {
            self.searchPath = String(cString: value)
        } else {
            self.searchPath = "/usr/local/bin:/usr/bin:/bin"
        }
        self.timeout = timeout
        self.sandbox =
            sandbox ?? AnalysisSandbox(searchPath: self.searchPath, environment: Self.processEnvironment())
    }

    private static func processEnvironment() -> [String: String] {
        var values: [String: String] = [:]
        var cursor = environ
        while let entry = cursor.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                values[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            cursor += 1
        }
        return values
    }

    /// Why compiler checks cannot run (no sandbox can be applied), else `nil`.
    func unavailableReason() async -> String? {
        await sandbox.current().refusal
    }

    /// The absolute path of the first executable called `name` in `searchPath`, or `nil`.
    func locate(_ name: String) -> String? {
        ToolchainLocator(searchPath: searchPath).locate(name)
    }

    /// Runs `executable` (a name found through `searchPath`) in `directory`, sandboxed, with a scrubbed
    /// environment.
    func run(_ executable: String, _ arguments: [String], in directory: String) async throws
        -> AnalysisProcessOutput
    {
        try await AnalysisProcess.run(
            executable, arguments: arguments, in: directory, searchPath: searchPath, sandbox: sandbox,
            timeout: timeout)
    }
}
