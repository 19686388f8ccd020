import AgentCore
import Logging
import SparkTestSupport

extension StreamBenchmark {
    /// An engine shaped like the real one: a supervisor that may hand off (so the text gate that
    /// holds back tool calls written as text is on) and a specialist, both on the scripted server.
    static func makeEngine(client: any ModelClient, endpoint: ModelEndpoint) -> SwarmEngine {
        var supervisor = Agent(name: "supervisor", model: "test-model", endpoint: endpoint)
        supervisor.handsOffToAllAgents = true
        let coding = Agent(name: "coding", model: "test-model", endpoint: endpoint)
        return SwarmEngine(
            client: client, registry: AgentRegistry([supervisor, coding]),
            logger: Logger(label: "spark-bench", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    /// Runs one request through the engine and hands each text delta to `onText` as it comes out
    /// of the run's event stream.
    static func streamText(_ engine: SwarmEngine, onText: (String) -> Void) async throws {
        for try await event in engine.stream(agent: "supervisor", messages: [.user("stream")]) {
            if case .textDelta(_, let text) = event { onText(text) }
        }
    }
}
