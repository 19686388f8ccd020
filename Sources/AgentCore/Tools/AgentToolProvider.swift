/// Tools that come from outside the agent modules (the MCP servers the user configured), added to the agents a
/// run composes. Kept apart from `AgentModule` because the tools are the configuration's, not an agent's: the
/// provider decides from `run.configuration` which agent gets which.
public protocol AgentToolProvider: Sendable {
    /// The tools `agent` gets in this run; may start what serves them. Never throws: what cannot be reached is
    /// left out (and reported by the provider).
    func tools(for agent: String, run: AgentRunContext) async -> [any AgentTool]

    /// Starts what the configuration says to start with the front end (`startup: eager`).
    func start(configuration: SparkConfiguration) async

    /// Ends everything the provider started; the front end is exiting.
    func shutdown() async
}

/// A tool a provider brought, naming where it comes from (an MCP server), for listings.
public protocol ProvidedAgentTool: AgentTool {
    /// The provider's name for its source, for example the MCP server `git`.
    var origin: String { get }
}

extension AgentRegistry {
    /// This registry with each agent's provided tools appended (a name an agent already has is not replaced).
    public func addingTools(from providers: [any AgentToolProvider], run: AgentRunContext) async -> AgentRegistry {
        guard !providers.isEmpty else { return self }
        var result = self
        for var agent in agents {
            var names = Set(agent.tools.map(\.name))
            for provider in providers {
                for tool in await provider.tools(for: agent.name, run: run) where names.insert(tool.name).inserted {
                    agent.tools.append(tool)
                }
            }
            result.register(agent)
        }
        return result
    }
}
