import SparkJSON

/// One layer of configuration (defaults, file, environment, editor settings): only what it sets.
struct ConfigurationLayer: Hashable, Sendable {
    struct AgentLayer: Hashable, Sendable {
        var model: String?
        var endpoint: String?
        var toolChoice: ToolChoice?
        var maxTokens: Int?
        var temperature: Double?
        var maxTurns: Int?
        var extraBody: [String: JSONValue]?
        var mcpServers: [String]?
    }

    var endpoint: String?
    var apiKey: String?
    var defaultAgent: String?
    var workspaceDir: String?
    var enableCodeExecution: Bool?
    var dataDir: String?
    var modelFallback: Bool?
    var connectTimeout: Duration?
    var firstByteTimeout: Duration?
    var idleTimeout: Duration?
    /// Paths added to the protected list (every layer adds; none removes).
    var protectedPaths: [String]?
    /// `service.approval`.
    var serviceApproval: ServiceApproval?
    /// `image.maxPixels`, `image.maxBytes`.
    var imageMaxPixels: Int?
    var imageMaxBytes: Int?
    /// `knowledgeBase.milvus.host` / `.port` / `.token` (`MILVUS_HOST`, `MILVUS_PORT`, `MILVUS_TOKEN`).
    var milvusHost: String?
    var milvusPort: Int?
    var milvusToken: String?
    var agents: [String: AgentLayer] = [:]
    /// `knowledgeBase`.
    var knowledgeBase: KnowledgeBaseLayer?
    /// `mcpServers`: replaces same-named servers of earlier layers.
    var mcpServers: [String: MCPServerDefinition]?
}

extension SparkConfiguration {
    /// This configuration with `layer` applied over it (later wins; `extraBody` merges by key).
    func applying(_ layer: ConfigurationLayer) -> SparkConfiguration {
        var result = self
        if let value = layer.endpoint { result.endpoint = value }
        if let value = layer.apiKey { result.apiKey = value }
        if let value = layer.defaultAgent { result.defaultAgent = value }
        if let value = layer.workspaceDir { result.workspaceDir = value }
        if let value = layer.enableCodeExecution { result.enableCodeExecution = value }
        if let value = layer.dataDir { result.dataDir = value }
        if let value = layer.modelFallback { result.modelFallback = value }
        if let value = layer.connectTimeout { result.timeouts.connect = value }
        if let value = layer.firstByteTimeout { result.timeouts.firstByte = value }
        if let value = layer.idleTimeout { result.timeouts.idle = value }
        if let value = layer.serviceApproval { result.serviceApproval = value }
        if let value = layer.imageMaxPixels { result.imageLimits.maxPixels = value }
        if let value = layer.imageMaxBytes { result.imageLimits.maxBytes = value }
        if let value = layer.milvusHost { result.milvus.host = value }
        if let value = layer.milvusPort { result.milvus.port = value }
        if let value = layer.milvusToken { result.milvus.token = value }
        for path in layer.protectedPaths ?? [] where !result.protectedPaths.contains(path) {
            result.protectedPaths.append(path)
        }
        if let knowledgeBase = layer.knowledgeBase { result.knowledgeBase = knowledgeBase.applied(to: result.knowledgeBase) }
        for (name, server) in layer.mcpServers ?? [:] { result.mcpServers[name] = server }
        for (name, agent) in layer.agents {
            var settings = result.agents[name] ?? AgentSettings(model: result.agents["coding"]?.model ?? "")
            if let value = agent.model { settings.model = value }
            if let value = agent.endpoint { settings.endpoint = value }
            if let value = agent.toolChoice { settings.toolChoice = value }
            if let value = agent.maxTokens { settings.maxTokens = value }
            if let value = agent.temperature { settings.temperature = value }
            if let value = agent.maxTurns { settings.maxTurns = value }
            if let value = agent.extraBody { settings.extraBody.merge(value) { _, new in new } }
            if let value = agent.mcpServers { settings.mcpServers = value }
            result.agents[name] = settings
        }
        return result
    }
}
