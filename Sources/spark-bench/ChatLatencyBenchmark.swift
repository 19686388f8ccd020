import AgentCore
import ArgumentParser
import SparkLSP
import SparkTestSupport

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `spark-bench chat-latency`: how long after the scripted server writes the first token the
/// first `spark/chatEvent` reaches an LSP client, against the model client reading the same stream
/// directly. The added time is the difference of the medians (target under 5 ms).
struct ChatLatencyBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat-latency",
        abstract: "First chat event latency over the first token: added time at the median (target < 5 ms).")

    @Option(help: "Measured chats per side.") var runs = 200

    func run() async throws {
        let server = try ScriptedModelServer(models: ["bench-model"])
        let model = HTTPModelClient(logger: .silent)
        let request = ChatRequest(model: "bench-model", messages: [.user("hi")])
        var direct: [Double] = []
        for index in 0..<(runs + 10) {
            server.enqueue(.timestamped(chunks: 1, interval: .milliseconds(1)))
            for try await event in model.streamChat(request, endpoint: server.endpoint) {
                let now = ScriptedModelServer.monotonicNanoseconds()
                if case .contentDelta(let text) = event, let stamp = UInt64(text) {
                    if index >= 10 { direct.append(Double(now &- stamp) / 1e6) }
                    break
                }
            }
        }

        let directory = FileManager.default.temporaryDirectory.path + "/spark-bench-chat-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let client = try TestLSPClient.inProcess { lsp in
            let service = ChatService(
                client: HTTPModelClient(logger: .silent),
                modules: [FixtureAgentModule(name: "coding", description: "Answers.")], environment: [:],
                sessionsDatabase: directory + "/sessions.sqlite", logger: .silent)
            ChatFrontEnd(service: service).install(on: lsp)
        }
        _ = try await client.send(
            InitializeRequest(
                rootUri: FileURI.uri(fromPath: directory),
                initializationOptions: [
                    "endpoint": .string(server.endpoint.baseURL), "agents": ["coding": ["model": "bench-model"]],
                ],
                capabilities: ClientCapabilities()))
        client.notify(InitializedNotification())
        var throughServer: [Double] = []
        for index in 0..<(runs + 10) {
            server.enqueue(.timestamped(chunks: 1, interval: .milliseconds(1)))
            async let reply = client.send(SparkChatRequest(message: "hi", agent: "coding"))
            let event = try await client.nextNotification(ofType: ChatEventNotification.self)
            let now = ScriptedModelServer.monotonicNanoseconds()
            guard event.kind == "delta", let stamp = event.text.flatMap({ UInt64($0) }) else {
                throw BenchError("first event was \(event.fields)")
            }
            if index >= 10 { throughServer.append(Double(now &- stamp) / 1e6) }
            _ = try await reply
            _ = client.queuedNotifications(ofType: ChatEventNotification.self)
        }
        let added = Statistics.median(throughServer) - Statistics.median(direct)
        print("first token -> model client: median \(Statistics.format(Statistics.median(direct))) ms")
        print(
            "first token -> spark/chatEvent at the LSP client: median \(Statistics.format(Statistics.median(throughServer))) ms, p99 \(Statistics.format(Statistics.percentile(throughServer, 0.99))) ms"
        )
        print("added at the median: \(Statistics.format(added)) ms (target < 5 ms)")
    }
}
