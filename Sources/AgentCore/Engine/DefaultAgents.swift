/// Builds SparkLSP's agents from the configuration: the supervisor, which routes to every other
/// registered agent, and the coding agent.
///
/// The coding agent's tools plug in through `codingTools` (a `CodingToolkit`'s tools); new specialists
/// slot in by adding them to `specialists`: the supervisor's prompt lists them and its
/// `transfer_to_<agent>` tools come from the registry.
///
/// - Parameters:
///   - configuration: models, endpoints and sampling settings per agent.
///   - codingTools: the coding agent's tools.
///   - codingInstructions: the coding agent's system prompt; `nil` renders the `coding_system` prompt
///     (for the `coding` workflow) with `workspace`.
///   - workspace: the workspace path the coding prompt names.
///   - prompts: where the Markdown prompts come from.
public func makeDefaultAgents(
    configuration: SparkConfiguration,
    codingTools: [any AgentTool],
    codingInstructions: AgentInstructions? = nil,
    workspace: String? = nil,
    prompts: PromptLibrary = PromptLibrary()
) -> AgentRegistry {
    var coding = configuredAgent("coding", configuration: configuration)
    coding.description =
        "Reads, searches, writes, runs and reviews code in the user's workspace: bugs, features, refactoring, tests, explanations."
    coding.instructions =
        codingInstructions
        ?? .text(prompts.renderedOrEmbedded(.codingSystem, values: ["workspace": workspace ?? "the workspace"]))
    coding.tools = codingTools
    coding.handoffs = ["supervisor"]
    let specialists = [coding]

    var supervisor = configuredAgent("supervisor", configuration: configuration)
    supervisor.description =
        "Reads each request, answers general questions itself and hands specialised work to the right agent."
    let routes = specialists.map { "- `\($0.name)` (`transfer_to_\($0.name)`): \($0.description)" }
    supervisor.instructions = .text(
        prompts.renderedOrEmbedded(.supervisorSystem, values: ["specialists": routes.joined(separator: "\n")]))
    supervisor.handsOffToAllAgents = true
    return AgentRegistry([supervisor] + specialists)
}

extension PromptLibrary {
    /// The rendered prompt; when an override directory holds a broken copy, the embedded one.
    func renderedOrEmbedded(_ name: PromptName, values: [String: String]) -> String {
        if let text = try? render(name, values: values) { return text }
        return (try? PromptLibrary().render(name, values: values)) ?? ""
    }
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
