import AgentCore
import CodingAgent
import Foundation
import SparkJSON

#if canImport(Glibc)
    import Glibc
#endif

/// Helpers shared by the analysis tool tests.
enum AnalysisTestSupport {
    static let context = ToolContext(sessionID: "analysis-tests", agentName: "coding", toolCallID: "call-1")

    static func run(_ tool: some AgentTool, _ arguments: JSONValue) async throws -> ToolResult {
        try await tool.call(arguments, context: context)
    }

    /// Whether a program is on PATH (tests of real compilers skip cleanly where one is missing).
    static func has(_ program: String) -> Bool {
        guard let path = getenv("PATH").map({ String(cString: $0) }) else { return false }
        return path.split(separator: ":").contains { access("\($0)/\(program)", X_OK) == 0 }
    }

    /// An empty directory to use as a toolchain search path: no compilers at all.
    static func emptyDirectory() throws -> String {
        var template = Array("/tmp/spark-empty-path-XXXXXX".utf8CString)
        let result = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard let result else { throw TestSupportError.cannotCreateDirectory }
        return String(cString: result)
    }

    enum TestSupportError: Error {
        case cannotCreateDirectory
    }
}

extension AnalysisTestSupport {
    /// Runs a program found on PATH and returns its exit code.
    static func runProcess(_ name: String, _ arguments: [String]) async throws -> Int32? {
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let spec = ProcessSpec(
            executable: ToolchainLocator(searchPath: searchPath).locate(name) ?? name, arguments: arguments,
            workingDirectory: "/tmp", environment: ProcessInfo.processInfo.environment)
        if case .exited(let code) = try await ProcessRunner().run(spec).termination { return code }
        return nil
    }
}
