import SparkLSP
import SparkTestSupport
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The built `spark-lsp` with a client that stops reading its stdout while a chat streams: the server drops
/// chat deltas (and logs how many), keeps its memory bounded, and answers every request once the client reads
/// again.
@Suite struct BackPressureTests {
    /// Deltas the scripted model streams, `interval` apart: about 7 s of stream, most of it while the client
    /// does not read.
    static let chunks = 40_000
    static let interval = Duration.microseconds(150)
    /// The writer's queue in this test: 64 KiB or 256 frames, full for 500 ms before deltas are dropped.
    static let writerLimits = "65536,256,500"
    /// How much the server's resident memory may grow while the client does not read. The queue holds at most
    /// 128 KiB of deltas; the rest is the run itself (it keeps the text of every delta) and the allocator's
    /// slack: about 1 MiB here. The same run with limits too large to drop anything grows by about 8.6 MiB.
    static let residentGrowthBound = 4 << 20

    @Test func aClientThatStopsReadingLosesOnlyChatDeltasAndIsAnsweredWhenItReadsAgain() async throws {
        let environment = try ChatEnvironment()
        defer { environment.remove() }
        let model = try ScriptedModelServer()
        model.enqueue(.text("warmed up", chunks: 2))
        model.enqueue(.timestamped(chunks: Self.chunks, interval: Self.interval))
        var variables = environment.variables(endpoint: model.endpoint)
        variables["WORKSPACE_DIR"] = environment.directory
        variables["ENABLE_CODE_EXECUTION"] = "false"
        variables["CODING_MODEL"] = "test-model"
        variables["SPARK_LSP_TEST_WRITER_LIMITS"] = Self.writerLimits
        let logPath = environment.directory + "/stderr.log"
        let process = try ChildProcess(
            executable: EndToEnd.binary, arguments: ["--stdio"], environment: variables, stderrPath: logPath)
        let toClient = try Pipe.make()
        let relay = PipeRelay(from: process.stdoutFD, to: toClient.write)
        let client = TestLSPClient(input: toClient.read, output: process.stdinFD, timeout: .seconds(120))

        try await client.initialize()
        // A first run loads what every run needs (libcurl, the session database), so it is not counted below.
        #expect(try await client.send(SparkChatRequest(message: "warm up", agent: "coding")).content == "warmed up")
        let before = try residentBytes(of: process.pid)

        relay.pause()
        let chat = Task { try await client.send(SparkChatRequest(message: "stream", agent: "coding", token: "big")) }
        let agentsDuringThePause = Task { try await client.send(AgentsRequest()) }
        // The scenario, not a synchronisation: the client reads nothing for 10 s while the stream runs.
        try await Task.sleep(for: .seconds(10))
        let during = try residentBytes(of: process.pid)
        relay.resume()

        let result = try await chat.value
        #expect(result.usage.completionTokens == Self.chunks)
        #expect(try await agentsDuringThePause.value.agents.contains { $0.name == "coding" })
        #expect(try await client.send(AgentsRequest()).agents.contains { $0.name == "coding" })
        let events = client.queuedNotifications(ofType: ChatEventNotification.self).filter { $0.token == "big" }
        #expect(events.last?.kind == "done")
        #expect(events.last?.fields["content"]?.stringValue == result.content)
        let deltas = events.filter { $0.kind == "delta" }.compactMap { $0.text.flatMap { UInt64($0) } }
        #expect(deltas == deltas.sorted() && Set(deltas).count == deltas.count, "deltas arrive in order, once")
        _ = try await client.send(ShutdownRequest())
        client.notify(ExitNotification())
        #expect(await EndToEnd.exitCode(of: process) == 0)

        let log = try String(contentsOfFile: logPath, encoding: .utf8)
        #expect(log.contains("The client is not reading"))
        let dropped = log.matches(of: /dropped (\d+) droppable/).compactMap { Int($0.1) }.reduce(0, +)
        #expect(log.contains("The client caught up"))
        #expect(dropped > 0)
        #expect(deltas.count + dropped == Self.chunks, "every delta is received or counted as dropped")
        let growth = during - before
        #expect(
            growth < Self.residentGrowthBound,
            "VmRSS \(before >> 10) KiB before the pause, \(during >> 10) KiB at its end; \(dropped) deltas dropped")
    }

    /// `VmRSS` of `pid`, in bytes.
    private func residentBytes(of pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") })
        let kibibytes = try #require(line.split(whereSeparator: \.isWhitespace).dropFirst().first.flatMap { Int($0) })
        return kibibytes << 10
    }
}
