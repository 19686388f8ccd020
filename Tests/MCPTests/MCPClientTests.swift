import AgentCore
import Foundation
import MCPTools
import SparkJSON
import SparkTestSupport
import Testing

/// The agents use real MCP servers (mcp-server-git, mcp-server-time, and the fault server written with the Python
/// SDK) through the engine: the scripted model calls `<server>__<tool>`, the helper calls the server.
@Suite(.enabled(if: MCPTestEnvironment.isAvailable, "SPARK_TEST_MCP_VENV is not set (make test-mcp)"), .serialized)
struct MCPClientTests {
    @Test func theCodingAgentAnswersFromTheGitServerInTheWorkspacesMCPFile() async throws {
        let parent = try MCPTestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let repository = try MCPTestEnvironment.gitRepository(in: parent)
        let file = JSONValue.object([
            "mcpServers": [
                "git": [
                    "command": .string(MCPTestEnvironment.program("mcp-server-git")),
                    "args": ["--repository", .string(repository)], "approval": "allow",
                ]
            ]
        ]).serialized()
        let fixture = try MCPClientFixture(
            servers: nil, workspaceFiles: [".spark/mcp.json": file], trusted: [".spark/mcp.json"])
        fixture.model.enqueue(
            .toolCalls([
                ScriptedToolCall(name: "git__git_log", arguments: ["repo_path": .string(repository), "max_count": 3])
            ]))
        fixture.model.enqueue(.text("The last three commits: third, second, first."))
        let result = try await withDeadline(.seconds(120)) {
            try await fixture.run("what changed in the last three commits?")
        }
        #expect(result.content.contains("third"))
        let log = try #require(fixture.toolResults("git__git_log").first)
        #expect(!log.isError)
        #expect(log.content.contains("third commit") && log.content.contains("second commit"))
        #expect(log.content.contains("first commit"))
        // The server's own schema reached the model.
        let offered = fixture.model.requests.first?.body?["tools"]?.arrayValue ?? []
        let schema = offered.first { $0["function"]?["name"] == "git__git_log" }?["function"]?["parameters"]
        #expect(schema?["properties"]?["repo_path"] != nil)
        await fixture.close()
    }

    @Test func anUntrustedWorkspaceFileStartsNothing() async throws {
        let file = JSONValue.object([
            "mcpServers": ["time": ["command": .string(MCPTestEnvironment.program("mcp-server-time"))]]
        ]).serialized()
        let fixture = try MCPClientFixture(servers: nil, workspaceFiles: [".mcp.json": file])
        let configuration = try fixture.service.configuration(on: fixture.surface)
        #expect(configuration.mcpServers.isEmpty)
        #expect(configuration.untrusted?.ignored == ["mcpServers.time"])
        let registry = try await fixture.service.registryWithProvidedTools(on: fixture.surface)
        #expect(registry["coding"]?.tools.contains { $0 is any ProvidedAgentTool } == false)
        await fixture.close()
    }

    @Test func theTimeServerIsListedForTheCodingAgentOnly() async throws {
        let fixture = try MCPClientFixture(
            servers: ["time": ["command": .string(MCPTestEnvironment.program("mcp-server-time")), "approval": "allow"]])
        let registry = try await withDeadline(.seconds(120)) {
            try await fixture.service.registryWithProvidedTools(on: fixture.surface)
        }
        let coding = registry["coding"]?.tools.compactMap { $0 as? any ProvidedAgentTool } ?? []
        #expect(Set(coding.map(\.name)) == ["time__get_current_time", "time__convert_time"])
        #expect(coding.allSatisfy { $0.origin == "time" })
        #expect(registry["supervisor"]?.tools.contains { $0 is any ProvidedAgentTool } == false)

        fixture.model.enqueue(
            .toolCalls([ScriptedToolCall(name: "time__get_current_time", arguments: ["timezone": "UTC"])]))
        fixture.model.enqueue(.text("done"))
        _ = try await withDeadline(.seconds(120)) { try await fixture.run("what time is it?") }
        let answer = try #require(fixture.toolResults("time__get_current_time").first)
        #expect(!answer.isError && answer.content.contains("\"timezone\": \"UTC\""))
        await fixture.close()
    }

    @Test func approvalsFollowTheServerAndToolSettings() async throws {
        let fixture = try MCPClientFixture(
            servers: ["fault": MCPTestEnvironment.faultServer(extra: ["approval": "ask", "tools": ["fail": "deny"]])])
        fixture.model.enqueue(.toolCalls([ScriptedToolCall(name: "fault__count", arguments: [:])]))
        fixture.model.enqueue(.toolCalls([ScriptedToolCall(name: "fault__fail", arguments: [:])]))
        fixture.model.enqueue(.text("done"))
        _ = try await withDeadline(.seconds(120)) {
            try await fixture.run("count", approval: DenyAllPolicy(reason: "the user said no"))
        }
        #expect(fixture.toolResults("fault__count").first?.content == "refused: the user said no")
        #expect(
            fixture.toolResults("fault__fail").first?.content.hasPrefix("refused: the configuration denies") == true)
        await fixture.close()
    }

    @Test func errorsAndHugeResultsComeBackToTheModel() async throws {
        let fixture = try MCPClientFixture(servers: ["fault": MCPTestEnvironment.faultServer()], outputLimit: 1000)
        fixture.model.enqueue(.toolCalls([ScriptedToolCall(name: "fault__fail", arguments: [:])]))
        fixture.model.enqueue(.toolCalls([ScriptedToolCall(name: "fault__huge", arguments: ["size": 200_000])]))
        fixture.model.enqueue(.text("done"))
        _ = try await withDeadline(.seconds(120)) { try await fixture.run("try them") }
        let failed = try #require(fixture.toolResults("fault__fail").first)
        #expect(failed.isError && failed.content.contains("failed on purpose"))
        let huge = try #require(fixture.toolResults("fault__huge").first)
        #expect(huge.content.count < 1100 && huge.content.contains("199000 more characters cut"))
        await fixture.close()
    }

    @Test func aCrashWithdrawsTheToolsTellsTheUserAndTheRunGoesOn() async throws {
        let fixture = try MCPClientFixture(servers: ["fault": MCPTestEnvironment.faultServer()])
        await fixture.recordProblems()
        fixture.model.enqueue(.toolCalls([ScriptedToolCall(name: "fault__crash", arguments: [:])]))
        fixture.model.enqueue(.text("carried on"))
        let result = try await withDeadline(.seconds(120)) { try await fixture.run("crash it") }
        #expect(result.content == "carried on")
        #expect(fixture.toolResults("fault__crash").first?.isError == true)
        let problem = try #require(try await fixture.nextProblem())
        #expect(problem.contains("fault") && problem.contains("crashing on purpose"))
        // Withdrawn during the back-off.
        let registry = try await fixture.service.registryWithProvidedTools(on: fixture.surface)
        #expect(registry["coding"]?.tools.contains { $0 is any ProvidedAgentTool } == false)
        await fixture.close()
    }

    @Test func aServerThatCannotStartIsReportedWithItsStderr() async throws {
        let fixture = try MCPClientFixture(
            servers: ["fault": MCPTestEnvironment.faultServer(extra: ["env": ["FAULT_FAIL_START": "1"]])])
        await fixture.recordProblems()
        let registry = try await withDeadline(.seconds(120)) {
            try await fixture.service.registryWithProvidedTools(on: fixture.surface)
        }
        #expect(registry["coding"]?.tools.contains { $0 is any ProvidedAgentTool } == false)
        let problem = try #require(try await fixture.nextProblem())
        #expect(problem.contains("refusing to start on purpose"))
        await fixture.close()
    }

    @Test func aHungCallTimesOutAndTheServerIsStopped() async throws {
        let fixture = try MCPClientFixture(servers: ["fault": MCPTestEnvironment.faultServer(extra: ["timeout": 1])])
        await fixture.recordProblems()
        fixture.model.enqueue(.toolCalls([ScriptedToolCall(name: "fault__hang", arguments: [:])]))
        fixture.model.enqueue(.text("went on"))
        let result = try await withDeadline(.seconds(120)) { try await fixture.run("hang") }
        #expect(result.content == "went on")
        #expect(fixture.toolResults("fault__hang").first?.content.contains("timed out") == true)
        #expect(try await fixture.nextProblem()?.contains("timed out") == true)
        await fixture.close()
    }

    @Test func cancellingTheRunSendsCancelledToTheServer() async throws {
        let fifos = try MCPTestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: fifos) }
        try MCPTestEnvironment.makeFIFO("started", in: fifos)
        try MCPTestEnvironment.makeFIFO("cancelled", in: fifos)
        let fixture = try MCPClientFixture(servers: ["fault": MCPTestEnvironment.faultServer(fifos: fifos)])
        fixture.model.enqueue(.toolCalls([ScriptedToolCall(name: "fault__hang", arguments: [:])]))
        let run = Task { try await fixture.run("hang") }
        #expect(try await MCPTestEnvironment.awaitFIFO("started", in: fifos) == "started\n")
        run.cancel()
        #expect(try await MCPTestEnvironment.awaitFIFO("cancelled", in: fifos) == "cancelled\n")
        _ = await run.result
        await fixture.close()
    }

    @Test func listChangedBringsTheNewTool() async throws {
        let fixture = try MCPClientFixture(servers: ["fault": MCPTestEnvironment.faultServer()])
        let changed = AsyncStream.makeStream(of: String.self)
        await fixture.provider.onToolsChanged { changed.continuation.yield($0) }
        fixture.model.enqueue(.toolCalls([ScriptedToolCall(name: "fault__grow", arguments: [:])]))
        fixture.model.enqueue(.text("grown"))
        _ = try await withDeadline(.seconds(120)) { try await fixture.run("grow") }
        #expect(fixture.offeredTools(request: 0).contains("fault__extra") == false)
        let server = try await withDeadline(.seconds(30)) {
            var iterator = changed.stream.makeAsyncIterator()
            return await iterator.next()
        }
        #expect(server == "fault")
        let registry = try await fixture.service.registryWithProvidedTools(on: fixture.surface)
        #expect(registry["coding"]?.tools.contains { $0.name == "fault__extra" } == true)
        await fixture.close()
    }
}
