/// An MCP tool an agent may call (`spark/agents`): its name as the model sees it (`git__git_log`) and its server.
public struct MCPToolDescription: Codable, Hashable, Sendable {
    public var name: String
    public var server: String

    public init(name: String, server: String) {
        self.name = name
        self.server = server
    }
}
