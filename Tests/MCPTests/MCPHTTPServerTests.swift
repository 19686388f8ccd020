import AgentCore
import Foundation
import SparkJSON
import SparkTestSupport
import Testing

/// Streamable-HTTP MCP servers (`{"url", "headers"}`): the Python SDK's server under uvicorn on an ephemeral port,
/// which answers in SSE and requires a bearer token. The configured headers reach it, its progress reaches the run,
/// cancelling the run reaches it, and when it is unreachable, refuses us or goes away its tools are withdrawn, the user
/// is told, the run goes on, and the next use connects again once it is back.
@Suite(.enabled(if: MCPTestEnvironment.isAvailable, "SPARK_TEST_MCP_VENV is not set (make test-mcp)"), .serialized)
struct MCPHTTPServerTests {
    static let token = ["REMOTE_TOKEN": "secret-token"]

    /// The `remote` server's definition: `url` with the token and a header of our own.
    static func remote(_ url: String, token: String = "secret-token") -> JSONValue {
        [
            "url": .string(url),
            "headers": ["Authorization": .string("Bearer \(token)"), "X-Spark-Test": "from the configuration"],
            "approval": "allow",
        ]
    }

    @Test func headersArriveProgressFlowsAndAServerThatGoesAwayIsWithdrawnThenReconnected() async throws {
        let scratch = try MCPTestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let server = try await RemoteMCPServer(in: scratch, environment: Self.token)
        defer { server.stop() }
        // No back-off: each use after the failure tries the server again.
        let fixture = try MCPClientFixture(servers: ["remote": Self.remote(server.url)], firstBackOff: .zero)
        await fixture.recordProblems()
        fixture.model.enqueue(
            .toolCalls([ScriptedToolCall(name: "remote__header", arguments: ["name": "X-Spark-Test"])]))
        fixture.model.enqueue(.toolCalls([ScriptedToolCall(name: "remote__count", arguments: ["to": 2])]))
        fixture.model.enqueue(.toolCalls([ScriptedToolCall(name: "remote__stop", arguments: [:])]))
        fixture.model.enqueue(.text("carried on"))
        let result = try await withDeadline(.seconds(120)) { try await fixture.run("use the remote server") }
        #expect(result.content == "carried on")
        #expect(fixture.offeredTools(request: 0).contains("remote__count"))
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
        let gone = try #require(try await fixture.nextProblem())
        #expect(gone.contains("remote") && gone.contains("connect"), "\(gone)")

        // Back at the same address: the next use connects again.
        let again = try await RemoteMCPServer(in: scratch, port: server.port, environment: Self.token)
        defer { again.stop() }
        let with = try await withDeadline(.seconds(120)) {
            try await fixture.service.registryWithProvidedTools(on: fixture.surface)
        }
        let names = Set(with["coding"]?.tools.map(\.name).filter { $0.hasPrefix("remote__") } ?? [])
        #expect(names == ["remote__header", "remote__count", "remote__hang", "remote__stop"])
        await fixture.close()
    }

    @Test func aServerThatAnswersInJSONWorksToo() async throws {
        let scratch = try MCPTestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let server = try await RemoteMCPServer(
            in: scratch, environment: Self.token.merging(["REMOTE_JSON": "1"]) { _, new in new })
        defer { server.stop() }
        let fixture = try MCPClientFixture(servers: ["remote": Self.remote(server.url)])
        fixture.model.enqueue(
            .toolCalls([ScriptedToolCall(name: "remote__header", arguments: ["name": "X-Spark-Test"])]))
        fixture.model.enqueue(.toolCalls([ScriptedToolCall(name: "remote__count", arguments: ["to": 2])]))
        fixture.model.enqueue(.text("done"))
        let result = try await withDeadline(.seconds(120)) { try await fixture.run("use the remote server") }
        #expect(result.content == "done")
        #expect(fixture.toolResults("remote__header").first?.content == "from the configuration")
        #expect(fixture.toolResults("remote__count").first?.content == "counted to 2")
        await fixture.close()
    }

    @Test func aWrongTokenIsReportedWithTheStatusAndTheRunGoesOn() async throws {
        let scratch = try MCPTestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let server = try await RemoteMCPServer(in: scratch, environment: Self.token)
        defer { server.stop() }
        let fixture = try MCPClientFixture(servers: ["remote": Self.remote(server.url, token: "wrong")])
        await fixture.recordProblems()
        fixture.model.enqueue(.text("carried on"))
        let result = try await withDeadline(.seconds(120)) { try await fixture.run("use the remote server") }
        #expect(result.content == "carried on")
        #expect(!fixture.offeredTools(request: 0).contains { $0.hasPrefix("remote__") })
        let problem = try #require(try await fixture.nextProblem())
        #expect(problem.contains("remote") && problem.contains("HTTP 401"), "\(problem)")
        await fixture.close()
    }

    @Test func anUnreachableServerIsReportedAndTheRunGoesOn() async throws {
        let scratch = try MCPTestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        // A port that was just free: nothing listens there any more.
        let server = try await RemoteMCPServer(in: scratch)
        server.stop()
        let fixture = try MCPClientFixture(servers: ["remote": Self.remote(server.url)])
        await fixture.recordProblems()
        fixture.model.enqueue(.text("carried on"))
        let result = try await withDeadline(.seconds(120)) { try await fixture.run("use the remote server") }
        #expect(result.content == "carried on")
        #expect(!fixture.offeredTools(request: 0).contains { $0.hasPrefix("remote__") })
        let problem = try #require(try await fixture.nextProblem())
        #expect(problem.contains("remote") && problem.contains(server.url) && problem.contains("connect"), "\(problem)")
        await fixture.close()
    }

    @Test func cancellingTheRunSendsCancelledToTheRemoteServer() async throws {
        let scratch = try MCPTestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try MCPTestEnvironment.makeFIFO("started", in: scratch)
        try MCPTestEnvironment.makeFIFO("cancelled", in: scratch)
        let server = try await RemoteMCPServer(
            in: scratch, environment: Self.token.merging(["REMOTE_FIFOS": scratch]) { _, new in new })
        defer { server.stop() }
        let fixture = try MCPClientFixture(servers: ["remote": Self.remote(server.url)])
        fixture.model.enqueue(.toolCalls([ScriptedToolCall(name: "remote__hang", arguments: [:])]))
        let run = Task { try await fixture.run("hang") }
        #expect(try await MCPTestEnvironment.awaitFIFO("started", in: scratch) == "started\n")
        run.cancel()
        #expect(try await MCPTestEnvironment.awaitFIFO("cancelled", in: scratch) == "cancelled\n")
        _ = await run.result
        await fixture.close()
    }
}
