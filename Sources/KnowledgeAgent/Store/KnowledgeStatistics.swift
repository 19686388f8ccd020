/// What the knowledge base holds (`spark-lsp kb stats`).
public struct KnowledgeStatistics: Hashable, Sendable {
    public var roots: [String]
    public var documents: Int
    public var chunks: Int
    /// Chunks with a vector.
    public var vectors: Int
    /// The embedding model the vectors come from.
    public var embedder: String?
}
