import AgentCore
import CodingAgent
import Logging
import SparkJSON
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// A temporary workspace and a toolkit over it, for the execution tests.
final class ExecutionFixture: Sendable {
    let workspace: String
    let toolkit: ExecutionToolkit

    init(
        sandbox: SandboxPreference = .disabled,
        approval: any ApprovalPolicy = AllowAllPolicy(),
        enabled: Bool = true,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        outputLimit: Int = 32 * 1024,
        grace: Duration = .seconds(1),
        workspace: String? = nil,
        replSessions: Int = 8
    ) throws {
        self.workspace = try workspace ?? Self.makeDirectory()
        let options = ExecutionOptions(
            enableCodeExecution: enabled, workspaceRoot: self.workspace, defaultTimeout: .seconds(60),
            terminationGrace: grace, outputLimit: outputLimit, sandbox: sandbox, baseEnvironment: environment,
            maximumREPLSessions: replSessions)
        toolkit = ExecutionToolkit(options: options, approval: approval, logger: Logger(label: "test.exec"))
    }

    deinit {
        try? FileManager.default.removeItem(atPath: workspace)
    }

    static func makeDirectory() throws -> String {
        var template = Array("/tmp/spark-exec-test-XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw ExecutionError("mkdtemp failed", errno: errno)
        }
        return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func tool(_ name: String) throws -> any AgentTool {
        try #require(toolkit.tools.first { $0.name == name })
    }

    /// Calls a tool; the opt-out note a session's first run gets without a sandbox is dropped unless `keepNote`
    /// (the sandbox tests check it).
    func call(_ name: String, _ arguments: JSONValue, session: String = "s1", keepNote: Bool = false) async throws
        -> ToolResult
    {
        let result = try await tool(name).call(
            arguments, context: ToolContext(sessionID: session, agentName: "coding", toolCallID: "t"))
        guard !keepNote, result.content.hasPrefix("note: the sandbox is off") else { return result }
        let rest = result.content.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).dropFirst()
        return ToolResult(rest.first.map(String.init) ?? "", value: result.value, isError: result.isError)
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: relative.hasPrefix("/") ? relative : workspace + "/" + relative)
    }

    /// Whether `pid` is a live (not zombie) process.
    static func isAlive(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(close, offsetBy: 2)]
        return state != "Z" && state != "X"
    }

    /// Whether bwrap can sandbox here (the sandboxed tests are skipped otherwise).
    static let bwrapWorks: Bool = {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/bwrap")
    }()
}
