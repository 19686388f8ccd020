/// The agents of a system, by name, in registration order.
///
/// The engine resolves handoffs through the registry; an agent with `handsOffToAllAgents`
/// (the supervisor) is offered a transfer to every other registered agent.
public struct AgentRegistry: Sendable {
    private var byName: [String: Agent] = [:]
    /// Names in registration order.
    public private(set) var names: [String] = []

    public init(_ agents: [Agent] = []) {
        for agent in agents { register(agent) }
    }

    /// Adds an agent, replacing one of the same name (which keeps its place).
    public mutating func register(_ agent: Agent) {
        if byName[agent.name] == nil { names.append(agent.name) }
        byName[agent.name] = agent
    }

    /// The agent named `name`.
    public subscript(name: String) -> Agent? {
        byName[name]
    }

    /// All agents in registration order.
    public var agents: [Agent] {
        names.compactMap { byName[$0] }
    }

    /// The agents `agent` may transfer to: its `handoffs`, then (for a router) every other
    /// registered agent, without duplicates, skipping names that are not registered.
    public func handoffTargets(of agent: Agent) -> [Agent] {
        var seen: Set<String> = [agent.name]
        var targets: [Agent] = []
        let candidates = agent.handoffs + (agent.handsOffToAllAgents ? names : [])
        for name in candidates where !seen.contains(name) {
            seen.insert(name)
            if let target = byName[name] { targets.append(target) }
        }
        return targets
    }
}
