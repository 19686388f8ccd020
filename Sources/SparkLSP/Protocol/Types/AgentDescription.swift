/// One agent as `spark/agents` lists it.
public struct AgentDescription: Codable, Hashable, Sendable {
    public var name: String
    public var description: String
    public var model: String
    public var endpoint: String
    /// The tools it may call (handoffs not included).
    public var tools: [String]

    public init(name: String, description: String, model: String, endpoint: String, tools: [String]) {
        self.name = name
        self.description = description
        self.model = model
        self.endpoint = endpoint
        self.tools = tools
    }
}
