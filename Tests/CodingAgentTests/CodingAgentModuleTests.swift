import AgentCore
import CodingAgent
import Logging
import SparkJSON
import SparkTestSupport
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite struct CodingAgentModuleTests {
    /// `spark/resetSession` ends the conversation's Python REPL too: its variables do not outlive the reset.
    @Test func endingASessionClosesItsPythonREPL() async throws {
        let workspace = FileManager.default.temporaryDirectory.path + "/spark-toolkits-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        var environment = ProcessInfo.processInfo.environment
        environment["CODE_EXECUTION_SANDBOX"] = "off"
        let module = CodingAgentModule()
        var configuration = SparkConfiguration.defaults
        configuration.workspaceDir = workspace
        configuration.dataDir = workspace + "/.spark"
        let tools = try module.makeAgent(
            for: AgentRunContext(
                configuration: configuration, editor: RecordingWorkspaceEditor(),
                documents: StaticDocumentSource(), approval: AllowAllPolicy(), environment: environment,
                logger: .silent)
        ).tools
        let repl = try #require(tools.first { $0.name == "python_repl" })
        func run(_ code: String, session: String) async throws -> String {
            let context = ToolContext(variables: [:], sessionID: session, agentName: "coding", toolCallID: "c")
            return try await repl.call(["code": .string(code)], context: context).content
        }
        _ = try await run("x = 1", session: "kept")
        _ = try await run("x = 2", session: "reset")
        await module.endSession("reset")
        #expect(try await run("'x' in dir()", session: "reset") == "False")
        #expect(try await run("x", session: "kept") == "1")
        await module.shutdown()
    }
}
