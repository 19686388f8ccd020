import AgentCore

/// Chooses where the knowledge base's vectors live: Milvus when the configuration names a host
/// (`MILVUS_HOST` / `knowledgeBase.milvus.host`), else the embedded store the caller makes.
public enum VectorStores {
    /// The Milvus store the configuration asks for, or `local()`.
    /// - Parameters:
    ///   - embedderIdentity: `TextEmbedder.identity`: one Milvus collection per identity and dimension.
    ///   - dimension: the vectors' length when known (else the first vector's).
    ///   - local: makes the embedded store (vectors in SQLite, searched in memory).
    public static func make(
        configuration: SparkConfiguration, embedderIdentity: String, dimension: Int? = nil,
        local: () throws -> any VectorStore
    ) rethrows -> any VectorStore {
        if let milvus = milvus(configuration: configuration, embedderIdentity: embedderIdentity, dimension: dimension) {
            return milvus
        }
        return try local()
    }

    /// The Milvus store the configuration asks for; `nil` when it names no Milvus host.
    public static func milvus(configuration: SparkConfiguration, embedderIdentity: String, dimension: Int? = nil)
        -> MilvusVectorStore?
    {
        guard let baseURL = configuration.milvus.baseURL else { return nil }
        return MilvusVectorStore(
            baseURL: baseURL, token: configuration.milvus.token, embedderIdentity: embedderIdentity,
            dimension: dimension)
    }
}
