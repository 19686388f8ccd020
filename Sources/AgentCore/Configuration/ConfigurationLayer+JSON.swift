import SparkJSON

extension ConfigurationLayer {
    static let topLevelFields: Set<String> = [
        "endpoint", "apiKey", "defaultAgent", "workspaceDir", "enableCodeExecution", "dataDir", "modelFallback",
        "connectTimeout", "firstByteTimeout", "idleTimeout", "protectedPaths", "agents",
        "service", "knowledgeBase", "image", "mcpServers",
    ]
    static let serviceFields: Set<String> = ["approval"]
    static let imageFields: Set<String> = ["maxPixels", "maxBytes"]
    static let milvusFields: Set<String> = ["host", "port", "token"]
    static let agentFields: Set<String> = [
        "model", "endpoint", "toolChoice", "maxTokens", "temperature", "maxTurns", "extraBody", "mcpServers",
    ]

    /// Reads a layer from a JSON object (a config file, or the editor's `spark` settings).
    /// With `strict`, unknown fields are errors (catches typos in files).
    init(json: JSONValue, source: String, strict: Bool) throws {
        let root = try FieldReader(json, source: source, path: "", strict: strict, known: Self.topLevelFields)
        endpoint = try root.url("endpoint")
        apiKey = try root.string("apiKey")
        defaultAgent = try root.string("defaultAgent")
        workspaceDir = try root.string("workspaceDir")
        enableCodeExecution = try root.bool("enableCodeExecution")
        dataDir = try root.string("dataDir")
        modelFallback = try root.bool("modelFallback")
        connectTimeout = try root.seconds("connectTimeout")
        firstByteTimeout = try root.seconds("firstByteTimeout")
        idleTimeout = try root.seconds("idleTimeout")
        protectedPaths = try root.strings("protectedPaths")
        if let service = try root.object("service") {
            let reader = try FieldReader(
                .object(service), source: source, path: "service.", strict: strict, known: Self.serviceFields)
            serviceApproval = try reader.choice("approval", ServiceApproval.self)
        }
        if let knowledge = try root.object("knowledgeBase") {
            let reader = try FieldReader(
                .object(knowledge), source: source, path: "knowledgeBase.", strict: strict,
                known: KnowledgeBaseLayer.fields)
            knowledgeBase = KnowledgeBaseLayer(
                paths: try reader.strings("paths"), embeddingModel: try reader.string("embeddingModel"),
                embeddingEndpoint: try reader.url("embeddingEndpoint"),
                maxFileSize: try reader.int("maxFileSize", minimum: 1))
            if let milvus = try reader.object("milvus") {
                let fields = try FieldReader(
                    .object(milvus), source: source, path: "knowledgeBase.milvus.", strict: strict,
                    known: Self.milvusFields)
                milvusHost = try fields.string("host")
                milvusPort = try fields.int("port", minimum: 1)
                milvusToken = try fields.string("token")
            }
        }
        if let image = try root.object("image") {
            let reader = try FieldReader(
                .object(image), source: source, path: "image.", strict: strict, known: Self.imageFields)
            imageMaxPixels = try reader.int("maxPixels", minimum: 4096)
            imageMaxBytes = try reader.int("maxBytes", minimum: 16384)
        }
        if let servers = try root.object("mcpServers") {
            mcpServers = try MCPServerDefinition.all(in: servers, source: source, strict: strict)
        }
        for (name, value) in try root.object("agents") ?? [:] {
            let agent = try FieldReader(
                value, source: source, path: "agents.\(name).", strict: strict, known: Self.agentFields)
            var layer = AgentLayer()
            layer.model = try agent.string("model")
            layer.endpoint = try agent.url("endpoint")
            layer.toolChoice = try agent.string("toolChoice").map(ToolChoice.init)
            layer.maxTokens = try agent.int("maxTokens", minimum: 1)
            layer.temperature = try agent.double("temperature", range: 0...2)
            layer.maxTurns = try agent.int("maxTurns", minimum: 1)
            layer.extraBody = try agent.object("extraBody")
            layer.mcpServers = try agent.strings("mcpServers")
            agents[name] = layer
        }
    }
}
