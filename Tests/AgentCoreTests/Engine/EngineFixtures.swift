import AgentCore
import Logging
import SparkJSON
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
