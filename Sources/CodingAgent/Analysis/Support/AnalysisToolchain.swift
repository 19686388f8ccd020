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

    /// - Parameters:
    ///   - searchPath: directories to search; `nil` uses this process's `PATH`.
    ///   - timeout: per-process limit (default 20 seconds).
    public init(searchPath: String? = nil, timeout: Duration = .seconds(20)) {
        if let searchPath {
            self.searchPath = searchPath
        } else if let value = getenv("PATH") {
            self.searchPath = String(cString: value)
        } else {
            self.searchPath = "/usr/local/bin:/usr/bin:/bin"
        }
        self.timeout = timeout
    }

    /// The absolute path of the first executable called `name` in `searchPath`, or `nil`.
    func locate(_ name: String) -> String? {
        ToolchainLocator(searchPath: searchPath).locate(name)
    }

    /// Runs `executable` (a name found through `searchPath`) with a scrubbed environment.
    func run(_ executable: String, _ arguments: [String]) async throws -> AnalysisProcessOutput {
        try await AnalysisProcess.run(
            executable,
            arguments: arguments,
            searchPath: searchPath,
            timeout: timeout
        )
    }
}
