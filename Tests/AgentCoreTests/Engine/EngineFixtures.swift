import AgentCore
import Logging
import SparkTestSupport

/// Shared pieces of the engine tests.
enum EngineFixtures {
    static let endpoint = ModelEndpoint(baseURL: "http://127.0.0.1:9/v1")
    static let logger = Logger(label: "test.engine")

    static func agent(
        _ name: String, tools: [any AgentTool] = [], handoffs: [String] = [], parallel: Bool = true,
        toolChoice: ToolChoice? = nil, instructions: AgentInstructions = "You are a test agent."
    ) -> Agent {
        Agent(
            name: name, description: "The \(name) specialist.", model: "model-\(name)", endpoint: endpoint,
            instructions: instructions, tools: tools, handoffs: handoffs, toolChoice: toolChoice,
            parallelToolCalls: parallel)
    }

    static func engine(
        _ client: ScriptedModelClient, agents: [Agent], options: RunOptions = RunOptions()
    ) -> SwarmEngine {
        SwarmEngine(client: client, registry: AgentRegistry(agents), options: options, logger: logger)
    }

    /// A tool that answers with its name and arguments, and records nothing.
    static func echo(
        _ name: String,
        result: @escaping @Sendable (JSONValue, ToolContext) -> ToolResult = { args, _ in
            ToolResult("echo \(args.serialized())")
        }
    ) -> any AgentTool {
        ClosureTool(name: name, call: result)
    }

    /// Collects a run's events (and the error it ended with, if any).
    static func collect(_ stream: AsyncThrowingStream<RunEvent, any Error>) async -> ([RunEvent], (any Error)?) {
        var events: [RunEvent] = []
        do {
            for try await event in stream { events.append(event) }
            return (events, nil)
        } catch {
            return (events, error)
        }
    }
}

/// A tool built from a closure.
struct ClosureTool: AgentTool {
    let name: String
    var description: String { "Test tool \(name)." }
    var parametersSchema: JSONValue { ["type": "object", "properties": [:]] }
    let call: @Sendable (JSONValue, ToolContext) async throws -> ToolResult

    func call(_ arguments: JSONValue, context: ToolContext) async throws -> ToolResult {
        try await call(arguments, context)
    }
}

/// Turns a hang into a failure: throws `TimedOut` when `body` takes longer than `seconds`.
func withTimeout<T: Sendable>(
    seconds: Double = 10, _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            throw TimedOut()
        }
        let first = try await group.next()!
        group.cancelAll()
        return first
    }
}

struct TimedOut: Error {}
