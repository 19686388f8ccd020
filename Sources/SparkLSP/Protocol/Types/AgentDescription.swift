/// One agent as `spark/agents` lists it.
public struct AgentDescription: Codable, Hashable, Sendable {
    public var name: String
    public var description: String
    public var model: String
    public var endpoint: String
    /// The tools it may call (handoffs not included).
    public var tools: [String]
    /// The tools among `tools` that MCP servers provide, with their server (absent when there are none).
    public var mcpTools: [MCPToolDescription]?

    public init(
        name: String, description: String, model: String, endpoint: String, tools: [String],
        mcpTools: [MCPToolDescription]? = nil
    ) {
        self.name = name
        self.description = description
        self.model = model
        self.endpoint = endpoint
        self.tools = tools
        self.mcpTools = mcpTools
    }
}
