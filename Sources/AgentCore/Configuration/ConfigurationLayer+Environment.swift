extension ConfigurationLayer {
    /// Reads the layer the environment variables give. Empty values count as unset.
    init(environment: [String: String]) throws {
        func value(_ name: String) -> String? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            return text
        }
        func flag(_ name: String) throws -> Bool? {
            guard let text = value(name) else { return nil }
            switch text.lowercased() {
            case "1", "true", "yes", "on": return true
            case "0", "false", "no", "off": return false
            default:
                throw ConfigurationError(
                    source: "environment", field: name, message: "expected true or false, got \"\(text)\"")
            }
        }
        func url(_ name: String) throws -> String? {
            guard let text = value(name) else { return nil }
            guard text.hasPrefix("http://") || text.hasPrefix("https://") else {
                throw ConfigurationError(
                    source: "environment", field: name, message: "expected an http:// or https:// URL, got \"\(text)\"")
            }
            return text
        }

        func seconds(_ name: String) throws -> Duration? {
            guard let text = value(name) else { return nil }
            guard let seconds = Double(text), seconds > 0, seconds <= 86_400 else {
                throw ConfigurationError(
                    source: "environment", field: name,
                    message: "expected a number of seconds above 0 and at most 86400, got \"\(text)\"")
            }
            return .milliseconds(Int((seconds * 1000).rounded()))
        }

        endpoint = try url("VLLM_ENDPOINT")
        apiKey = value("VLLM_API_KEY") ?? value("OPENAI_API_KEY")
        workspaceDir = value("WORKSPACE_DIR")
        enableCodeExecution = try flag("ENABLE_CODE_EXECUTION")
        dataDir = value("SPARK_DATA_DIR")
        modelFallback = try flag("SPARK_MODEL_FALLBACK")
        connectTimeout = try seconds("SPARK_CONNECT_TIMEOUT")
        firstByteTimeout = try seconds("SPARK_FIRST_BYTE_TIMEOUT")
        idleTimeout = try seconds("SPARK_IDLE_TIMEOUT")
        if let text = value("SPARK_SERVICE_APPROVAL") {
            guard let approval = ServiceApproval(rawValue: text) else {
                throw ConfigurationError(
                    source: "environment", field: "SPARK_SERVICE_APPROVAL",
                    message: "expected deny or allow, got \"\(text)\"")
            }
            serviceApproval = approval
        }
        let knowledge = KnowledgeBaseLayer(
            paths: value("KNOWLEDGE_BASE_PATHS").map { $0.split(separator: ":").map(String.init) },
            embeddingModel: value("EMBEDDING_MODEL"), embeddingEndpoint: try url("EMBEDDING_ENDPOINT"))
        if knowledge != KnowledgeBaseLayer() { knowledgeBase = knowledge }
        func count(_ name: String, minimum: Int) throws -> Int? {
            guard let text = value(name) else { return nil }
            guard let number = Int(text), number >= minimum else {
                throw ConfigurationError(
                    source: "environment", field: name, message: "expected a whole number of at least \(minimum), got \"\(text)\"")
            }
            return number
        }
        imageMaxPixels = try count("SPARK_IMAGE_MAX_PIXELS", minimum: 4096)
        imageMaxBytes = try count("SPARK_IMAGE_MAX_BYTES", minimum: 16384)
        milvusHost = value("MILVUS_HOST")
        milvusToken = value("MILVUS_TOKEN")
        if let text = value("MILVUS_PORT") {
            guard let port = Int(text), (1...65535).contains(port) else {
                throw ConfigurationError(
                    source: "environment", field: "MILVUS_PORT", message: "expected a port from 1 to 65535, got \"\(text)\"")
            }
            milvusPort = port
        }
        for name in SparkConfiguration.builtInAgents {
            let prefix = name.uppercased()
            let layer = AgentLayer(model: value("\(prefix)_MODEL"), endpoint: try url("\(prefix)_ENDPOINT"))
            if layer.model != nil || layer.endpoint != nil { agents[name] = layer }
        }
    }
}
