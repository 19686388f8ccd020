/// Builds SparkLSP's agents from the configuration: the supervisor, which routes to every other
/// registered agent, and the coding agent.
///
/// The coding agent's tools plug in through `codingTools` (the toolkit of issue 4); RAG and image
/// agents slot in by registering them: the supervisor's routes come from the registry.
///
/// - Parameters:
///   - configuration: models, endpoints and sampling settings per agent.
///   - codingTools: the coding agent's tools.
///   - codingInstructions: the coding agent's system prompt (the Markdown resource when loaded).
public func makeDefaultAgents(
    configuration: SparkConfiguration,
    codingTools: [any AgentTool],
    codingInstructions: AgentInstructions = .text(DefaultPrompts.coding)
) -> AgentRegistry {
    var registry = AgentRegistry()
    var supervisor = configuredAgent("supervisor", configuration: configuration)
    supervisor.description =
        "Reads each request, answers general questions itself and hands specialised work to the right agent."
    supervisor.instructions = .text(DefaultPrompts.supervisor)
    supervisor.handsOffToAllAgents = true
    registry.register(supervisor)

    var coding = configuredAgent("coding", configuration: configuration)
    coding.description =
        "Reads, searches, writes, runs and reviews code in the user's workspace: bugs, features, refactoring, tests, explanations."
    coding.instructions = codingInstructions
    coding.tools = codingTools
    coding.handoffs = ["supervisor"]
    registry.register(coding)
    return registry
}

/// An agent with the configured model, endpoint and sampling settings of `name`; the caller
/// fills in description, instructions, tools and handoffs.
public func configuredAgent(_ name: String, configuration: SparkConfiguration) -> Agent {
    let settings = configuration.settings(for: name)
    return Agent(
        name: name,
        model: settings.model,
        endpoint: configuration.modelEndpoint(for: name),
        toolChoice: settings.toolChoice,
        maxTokens: settings.maxTokens,
        temperature: settings.temperature,
        maxTurns: settings.maxTurns,
        extraBody: settings.extraBody
    )
}
