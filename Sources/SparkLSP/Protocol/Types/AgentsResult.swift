/// The reply to `spark/agents`.
public struct AgentsResult: Codable, Hashable, Sendable {
    public var agents: [AgentDescription]

    public init(agents: [AgentDescription]) { self.agents = agents }
}
