import AgentCore

/// An agent module for tests and benchmarks: a throwaway specialist with the tools it is given, or a real
/// module's agent with its tools replaced (a coding agent whose writes are recorded, say).
public struct FixtureAgentModule: AgentModule {
    public let name: String
    private let make: @Sendable (AgentRunContext) throws -> Agent
    private let wrapped: (any AgentModule)?

    /// An agent named `name`, built for each run by `make`.
    public init(name: String, make: @escaping @Sendable (AgentRunContext) throws -> Agent) {
        self.name = name
        self.wrapped = nil
        self.make = make
    }

    /// A specialist named `name` with `tools`, built for each run by `tools`.
    public init(
        name: String, description: String,
        tools: @escaping @Sendable (AgentRunContext) -> [any AgentTool] = { _ in [] }
    ) {
        self.name = name
        self.wrapped = nil
        self.make = { run in
            var agent = run.configuredAgent(name)
            agent.description = description
            agent.instructions = .text("You are the \(name) agent. \(description)")
            agent.tools = tools(run)
            return agent
        }
    }

    /// `module`'s agent (its name, prompt and settings) with the tools `tools` makes of its own.
    public init(
        wrapping module: any AgentModule,
        tools: @escaping @Sendable (AgentRunContext, [any AgentTool]) -> [any AgentTool]
    ) {
        self.name = module.name
        self.wrapped = module
        self.make = { run in
            var agent = try module.makeAgent(for: run)
            agent.tools = tools(run, agent.tools)
            return agent
        }
    }

    public func makeAgent(for run: AgentRunContext) throws -> Agent { try make(run) }

    public func endSession(_ id: String) async { await wrapped?.endSession(id) }

    public func shutdown() async { await wrapped?.shutdown() }
}
