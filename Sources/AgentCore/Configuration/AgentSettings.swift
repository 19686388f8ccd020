import SparkJSON

/// The configured model and sampling settings of one agent.
public struct AgentSettings: Hashable, Sendable {
    /// The model id the server serves.
    public var model: String
    /// This agent's own server (base URL with `/v1`); `nil` uses the shared endpoint.
    public var endpoint: String?
    public var toolChoice: ToolChoice?
    public var maxTokens: Int?
    public var temperature: Double?
    /// The turn limit of runs that start with this agent.
    public var maxTurns: Int
    /// Members merged into every request body (vLLM's `top_k`, `repetition_penalty`, ...).
    public var extraBody: [String: JSONValue]
    /// `agents.<name>.mcpServers`: the MCP servers whose tools this agent gets; `nil` gives the coding agent
    /// every configured server and the others none.
    public var mcpServers: [String]? = nil

    public init(
        model: String, endpoint: String? = nil, toolChoice: ToolChoice? = nil, maxTokens: Int? = nil,
        temperature: Double? = nil, maxTurns: Int = 10, extraBody: [String: JSONValue] = [:]
    ) {
        self.model = model
        self.endpoint = endpoint
        self.toolChoice = toolChoice
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.maxTurns = maxTurns
        self.extraBody = extraBody
    }
}
