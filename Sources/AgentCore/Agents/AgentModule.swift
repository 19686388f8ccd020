/// One specialist the supervisor routes to, as its module registers it: the coding agent, the knowledge
/// agent, the image agent, or a team's own. A new agent is one module conforming to this protocol plus one
/// line in the executable's list of modules; the supervisor's prompt and its `transfer_to_<name>` tools come
/// from the registry, so nothing else changes.
///
/// The module lives as long as the front end (it may keep per-session state, such as Python REPLs); it
/// builds a fresh `Agent` for every run, with the run's editor, buffers and approval policy.
public protocol AgentModule: Sendable {
    /// The agent's unique name (`coding`), also the suffix of its `transfer_to_<name>` tool and the key of
    /// its settings under `agents` in the configuration.
    var name: String { get }

    /// Builds the agent for one run. Start from `run.configuredAgent(name)` so the configured model,
    /// endpoint and sampling settings apply.
    /// - Throws: `ChatError` with code `invalidRequest` for a request the agent cannot serve (an unknown
    ///   workflow, say); any other error makes the agent unavailable for this run and is logged.
    func makeAgent(for run: AgentRunContext) throws -> Agent

    /// Ends what the module keeps for the conversation `id` (its Python REPL, ...); the session was reset.
    func endSession(_ id: String) async

    /// Ends everything the module keeps; the front end is exiting.
    func shutdown() async
}

extension AgentModule {
    public func endSession(_ id: String) async {}
    public func shutdown() async {}
}
