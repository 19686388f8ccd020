/// `spark/agents`: the agents, their models and tools.
public struct AgentsRequest: LSPRequest, Hashable {
    public static let method = "spark/agents"
    public typealias Response = AgentsResult

    public init() {}
}
