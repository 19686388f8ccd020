/// The router: reads each request, answers general questions itself and hands specialised work to the
/// specialists registered with it (`transfer_to_<name>`, one per specialist, offered by the registry).
public enum Supervisor {
    /// The supervisor's name and settings key.
    public static let name = "supervisor"

    /// The supervisor for `specialists`: its prompt lists each one with its description.
    public static func agent(routingTo specialists: [Agent], run: AgentRunContext) -> Agent {
        var supervisor = run.configuredAgent(name)
        supervisor.description =
            "Reads each request, answers general questions itself and hands specialised work to the right agent."
        let routes = specialists.map { "- `\($0.name)` (`\(Handoff.toolName(for: $0.name))`): \($0.description)" }
        supervisor.instructions = .text(
            run.prompts.renderedOrEmbedded(
                .supervisorSystem, values: ["specialists": routes.joined(separator: "\n")]))
        supervisor.handsOffToAllAgents = true
        return supervisor
    }
}
