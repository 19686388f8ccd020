import AgentCore
import ArgumentParser
import SparkJSON

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `spark-lsp agents`: the configured agents, their models, endpoints and tools.
struct AgentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agents",
        abstract: "List the agents with their models, endpoints and tools."
    )

    @Flag(help: "Print one JSON object: {\"agents\": [...]}.")
    var json = false

    @Option(name: .customLong("config"), help: "A JSON configuration file.")
    var configFile: String?

    @Flag(help: "Trust the workspace: apply the endpoints, API key and directories its .spark/config.json sets.")
    var trust = false

    func run() async throws {
        let logger = AgentSetup.logger(label: "spark-lsp.agents", verbose: false)
        let registry: AgentRegistry
        do {
            let setup = try await AgentSetup(
                configFile: configFile, environment: ProcessInfo.processInfo.environment,
                approval: CommandLineApproval(allowAll: false), client: makeModelClient(logger: logger), trust: trust,
                logger: logger)
            registry = try await setup.service.registryWithProvidedTools(on: setup.surface)
        } catch {
            StandardStream.error("spark-lsp: \(error)\n")
            throw ExitCode(2)
        }
        if json {
            let agents: [JSONValue] = registry.agents.map { agent in
                [
                    "name": .string(agent.name), "description": .string(agent.description),
                    "model": .string(agent.model), "endpoint": .string(agent.endpoint.baseURL),
                    "tools": .array(agent.tools.map { .string($0.name) }),
                    "mcpTools": .array(
                        agent.tools.compactMap { $0 as? any ProvidedAgentTool }.map {
                            ["name": .string($0.name), "server": .string($0.origin)]
                        }),
                    "handoffs": .array(registry.handoffTargets(of: agent).map { .string($0.name) }),
                ]
            }
            StandardStream.output(JSONValue.object(["agents": .array(agents)]).serialized() + "\n")
            return
        }
        for agent in registry.agents {
            let tools = agent.tools.filter { !($0 is any ProvidedAgentTool) }.map(\.name)
            let mcpTools = agent.tools.compactMap { $0 as? any ProvidedAgentTool }.map { "\($0.name) (\($0.origin))" }
            let handoffs = registry.handoffTargets(of: agent).map(\.name)
            StandardStream.output(
                """
                \(agent.name)
                  \(agent.description)
                  model:     \(agent.model)
                  endpoint:  \(agent.endpoint.baseURL)
                  tools:     \(tools.isEmpty ? "(none)" : tools.joined(separator: ", "))
                  mcp tools: \(mcpTools.isEmpty ? "(none)" : mcpTools.joined(separator: ", "))
                  handoffs:  \(handoffs.isEmpty ? "(none)" : handoffs.joined(separator: ", "))

                """)
        }
    }
}
