/// The knowledge base's settings (`knowledgeBase` in the configuration): what is indexed besides the workspace
/// and which embedding model turns chunks into vectors.
public struct KnowledgeBaseSettings: Hashable, Sendable {
    /// The largest file indexed when nothing sets `maxFileSize` (1 MiB).
    public static let defaultMaxFileSize = 1 << 20

    /// Folders indexed besides the workspace (`knowledgeBase.paths`, `KNOWLEDGE_BASE_PATHS` colon-separated);
    /// every layer adds.
    public var paths: [String] = []
    /// The embedding model (`knowledgeBase.embeddingModel`, `EMBEDDING_MODEL`); without one, search is lexical.
    public var embeddingModel: String?
    /// The embedding server's base URL (`knowledgeBase.embeddingEndpoint`, `EMBEDDING_ENDPOINT`); the agents'
    /// endpoint when unset.
    public var embeddingEndpoint: String?
    /// Files larger than this many bytes are skipped (`knowledgeBase.maxFileSize`).
    public var maxFileSize: Int = defaultMaxFileSize

    public init() {}
}

/// One layer's `knowledgeBase` settings: only what it sets.
struct KnowledgeBaseLayer: Hashable, Sendable {
    var paths: [String]?
    var embeddingModel: String?
    var embeddingEndpoint: String?
    var maxFileSize: Int?

    static let fields: Set<String> = ["paths", "embeddingModel", "embeddingEndpoint", "maxFileSize", "milvus"]

    func applied(to settings: KnowledgeBaseSettings) -> KnowledgeBaseSettings {
        var result = settings
        for path in paths ?? [] where !result.paths.contains(path) { result.paths.append(path) }
        if let embeddingModel { result.embeddingModel = embeddingModel }
        if let embeddingEndpoint { result.embeddingEndpoint = embeddingEndpoint }
        if let maxFileSize { result.maxFileSize = maxFileSize }
        return result
    }
}
