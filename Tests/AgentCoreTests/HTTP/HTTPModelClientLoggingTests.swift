import AgentCore
import Logging
import SparkTestSupport
import Synchronization
import Testing

@Suite struct HTTPModelClientLoggingTests {
    /// Collects every log line, with its metadata, at trace level.
    struct CollectingHandler: LogHandler {
        let box: Box
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        init(_ box: Box) { self.box = box }

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            box.lines.withLock { $0.append("\(event.message) \(all)") }
        }
    }

    @Test func neverLogsTheAPIKey() async throws {
        let box = Box()
        let logger = Logger(label: "test", factory: { _ in CollectingHandler(box) })
        let server = try ScriptedModelServer()
        server.enqueue(.error(status: 503, message: "busy"))
        server.enqueue(.error(status: 401, message: "bad key"))
        let client = HTTPModelClient(logger: logger, options: .init(baseRetryDelay: .milliseconds(1)))
        let request = ChatRequest(model: "test-model", messages: [.user("hi")])
        do {
            _ = try await client.chat(request, endpoint: server.endpoint(apiKey: "sk-very-secret"))
            Issue.record("expected an error")
        } catch {
            #expect((error as? LLMError)?.httpStatus == 401)
        }
        let lines = box.lines.withLock { $0 }
        #expect(!lines.isEmpty)
        #expect(!lines.contains { $0.contains("sk-very-secret") })
        #expect(
            server.requests.map { $0.header("authorization") } == ["Bearer sk-very-secret", "Bearer sk-very-secret"])
    }

    final class Box: Sendable {
        let lines = Mutex<[String]>([])
    }
}
