import AgentCore
import Foundation
import SparkJSON
import SparkLSP
import SparkTestSupport
import Testing

/// An MCP server's `notifications/progress` for a tool call reach the front ends: the fault server's `count` (the
/// Python SDK's `report_progress`) through the engine, through the built `spark-lsp --stdio` as `spark/chatEvent`s
/// of kind `progress` and `$/progress` reports, and through `spark-lsp serve --http` as server-sent events.
@Suite(.enabled(if: MCPTestEnvironment.isAvailable, "SPARK_TEST_MCP_VENV is not set (make test-mcp)"), .serialized)
struct MCPProgressTests {
    @Test func aServersProgressBecomesTheRunsProgressEventsBetweenTheCallAndItsResult() async throws {
        let fixture = try MCPClientFixture(servers: ["fault": MCPTestEnvironment.faultServer()])
        fixture.model.enqueue(.toolCalls([ScriptedToolCall(name: "fault__count", arguments: ["to": 3])]))
        fixture.model.enqueue(.text("counted"))
        _ = try await withDeadline(.seconds(120)) { try await fixture.run("count to three") }
        let events = fixture.events.withLock { $0 }
        let call = try #require(events.firstIndex { $0.kind == "toolCall" })
        guard case .toolCall(_, let toolCall) = events[call] else { return }
        let result = try #require(events.firstIndex { $0.kind == "toolResult" })
        let reports = events.enumerated().compactMap { index, event -> (Int, ToolProgress)? in
            if case .progress(_, let progress) = event { return (index, progress) }
            return nil
        }
        #expect(reports.map(\.1.progress) == [1, 2, 3])
        #expect(reports.map(\.1.total) == [3, 3, 3])
        #expect(reports.map(\.1.message) == ["step 1", "step 2", "step 3"])
        #expect(reports.allSatisfy { $0.1.toolName == "fault__count" && $0.1.toolCallID == toolCall.id })
        #expect(reports.allSatisfy { $0.0 > call && $0.0 < result })
        #expect(fixture.toolResults("fault__count").first?.content == "counted to 3")
        await fixture.close()
    }

    @Test func theLanguageServerSendsThemAsChatEventsAndWorkDoneReports() async throws {
        let world = try CountingWorld()
        defer { world.remove() }
        let process = try ChildProcess(
            executable: BuiltProducts.executable("spark-lsp"), arguments: ["--stdio", "--config", world.configFile],
            environment: world.environment, stderrPath: world.directory + "/stderr.log")
        let client = TestLSPClient(input: process.stdoutFD, output: process.stdinFD, timeout: .seconds(120))
        _ = try await client.initialize(rootURI: FileURI.uri(fromPath: world.workspace))
        let answer = try await client.send(
            SparkChatRequest(message: "count to two", agent: "coding", token: "t-1", workDoneToken: .string("w-1")))
        #expect(answer.content == "counted")

        let events = client.queuedNotifications(ofType: ChatEventNotification.self).filter { $0.token == "t-1" }
        #expect(
            events.map(\.kind).filter { $0 != "delta" } == ["toolCall", "progress", "progress", "toolResult", "done"])
        CountingWorld.expectTwoSteps(events.filter { $0.kind == "progress" }.map(\.fields))
        let reports = client.queuedNotifications(ofType: WorkDoneProgressNotification.self).compactMap { note in
            if case .report(let message, _, _) = note.value { return message }
            return nil
        }
        #expect(reports.contains("coding: fault__count step 2 (2/2)"))

        _ = try await client.send(ShutdownRequest())
        client.notify(ExitNotification())
        let status = try await withDeadline(.seconds(60)) { await process.waitForExit() }
        #expect(status == 0)
    }

    @Test func theHTTPServiceStreamsThemAsServerSentEvents() async throws {
        let world = try CountingWorld()
        defer { world.remove() }
        let process = try SparkProcess(
            ["serve", "--http", "--port", "0", "--config", world.configFile], environment: world.environment)
        let line = try await withDeadline(.seconds(60)) { await process.lines.first { $0.contains("listening on") } }
        let port = try #require(line.flatMap { Int($0.split(separator: ":").last ?? "") })
        // curl is the client, as in the README's examples.
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        curl.arguments = [
            "curl", "-sS", "-N", "--max-time", "120", "-X", "POST", "http://127.0.0.1:\(port)/chat/stream",
            "-H", "Content-Type: application/json", "-d", #"{"message": "count to two", "agent_type": "coding"}"#,
        ]
        let output = Pipe()
        curl.standardOutput = output
        try curl.run()
        let body = try await withDeadline(.seconds(150)) {
            await DetachedThread.run { output.fileHandleForReading.readDataToEndOfFile() }
        }
        curl.waitUntilExit()
        process.send(SIGTERM)
        _ = try await process.exit()

        // One server-sent event per run event: `event: <kind>` and one `data:` line.
        let events = String(decoding: body, as: UTF8.self).split(separator: "\n\n").compactMap {
            block -> (String, [String: JSONValue])? in
            let lines = block.split(separator: "\n")
            guard let name = lines.first(where: { $0.hasPrefix("event: ") })?.dropFirst(7),
                let data = lines.first(where: { $0.hasPrefix("data: ") })?.dropFirst(6),
                let fields = try? JSONValue(parsing: String(data)).objectValue
            else { return nil }
            return (String(name), fields)
        }
        #expect(events.map(\.0).filter { $0 != "delta" } == ["toolCall", "progress", "progress", "toolResult", "done"])
        CountingWorld.expectTwoSteps(events.filter { $0.0 == "progress" }.map(\.1))
        #expect(events.last?.1["status"] == "ok")
    }
}

/// A workspace, a configuration file naming the fault server, and a scripted model that has the coding agent call
/// `fault__count` to two, then answer `counted`: what the front-end tests run.
private struct CountingWorld {
    let model: ScriptedModelServer
    let directory: String
    let workspace: String
    let configFile: String
    let environment: [String: String]

    init() throws {
        model = try ScriptedModelServer(models: ["m"])
        model.enqueue(.toolCalls([ScriptedToolCall(name: "fault__count", arguments: ["to": 2])]))
        model.enqueue(.text("counted"))
        directory = try MCPTestEnvironment.temporaryDirectory()
        workspace = directory + "/workspace"
        try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
        configFile = directory + "/config.json"
        try JSONValue.object(["mcpServers": ["fault": MCPTestEnvironment.faultServer()]]).serialized()
            .write(toFile: configFile, atomically: true, encoding: .utf8)
        environment = [
            "PATH": "/usr/bin:/bin", "HOME": directory, "VLLM_ENDPOINT": model.endpoint.baseURL,
            "SUPERVISOR_MODEL": "m", "CODING_MODEL": "m", "WORKSPACE_DIR": workspace,
            "SPARK_DATA_DIR": directory + "/data", "XDG_DATA_HOME": directory + "/user-data",
            "SPARK_MODEL_FALLBACK": "false",
        ]
    }

    /// The `progress` events' fields of the counting call: steps 1 and 2 of 2, for the call the run announced.
    static func expectTwoSteps(_ progress: [[String: JSONValue]]) {
        #expect(progress.map { $0["progress"]?.doubleValue } == [1, 2])
        #expect(progress.map { $0["total"]?.doubleValue } == [2, 2])
        #expect(progress.map { $0["message"]?.stringValue } == ["step 1", "step 2"])
        #expect(progress.allSatisfy { $0["name"] == "fault__count" && $0["agent"] == "coding" })
        #expect(Set(progress.compactMap { $0["id"]?.stringValue }).count == 1)
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
}
