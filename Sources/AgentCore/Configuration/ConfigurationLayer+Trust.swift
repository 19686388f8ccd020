extension ConfigurationLayer {
    /// This layer without the settings only a trusted file may set (where requests go and with which key,
    /// where data lives, which directory is the workspace), and the names of those it had.
    func withoutTrustedOnlySettings() -> (layer: ConfigurationLayer, removed: [String]) {
        var layer = self
        var removed: [String] = []
        if layer.endpoint != nil { removed.append("endpoint") }
        if layer.apiKey != nil { removed.append("apiKey") }
        if layer.dataDir != nil { removed.append("dataDir") }
        if layer.workspaceDir != nil { removed.append("workspaceDir") }
        // Vectors of the user's documents go to the Milvus host: only a trusted file may choose it.
        if layer.milvusHost != nil { removed.append("knowledgeBase.milvus.host") }
        if layer.milvusToken != nil { removed.append("knowledgeBase.milvus.token") }
        layer.milvusHost = nil
        layer.milvusToken = nil
        layer.endpoint = nil
        layer.apiKey = nil
        layer.dataDir = nil
        layer.workspaceDir = nil
        // Which folders are read (and sent to the models) and where chunks go to be embedded.
        if layer.knowledgeBase?.paths != nil {
            removed.append("knowledgeBase.paths")
            layer.knowledgeBase?.paths = nil
        }
        if layer.knowledgeBase?.embeddingEndpoint != nil {
            removed.append("knowledgeBase.embeddingEndpoint")
            layer.knowledgeBase?.embeddingEndpoint = nil
        }
        for name in layer.agents.keys.sorted() where layer.agents[name]?.endpoint != nil {
            removed.append("agents.\(name).endpoint")
            layer.agents[name]?.endpoint = nil
        }
        return (layer, removed)
    }
}
