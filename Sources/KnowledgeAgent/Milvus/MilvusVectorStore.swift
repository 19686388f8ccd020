import AgentCore
import SparkJSON

/// The knowledge base's vectors in a Milvus collection, over Milvus's RESTful API through the project's libcurl
/// client: v2 (`/v2/vectordb`, Milvus 2.4 and later) or v1 (`/v1/vector`, Milvus 2.3), chosen by probing.
///
/// Nothing is sent before the first call. The collection is named after the embedder's identity and the
/// dimension (`MilvusCollectionName`) and created, and loaded, on the first upsert. When the dimension is not
/// given it is the first vector's, or that of the one existing collection of this embedder. When Milvus does
/// not answer, calls throw `MilvusError` `.unavailable` (the knowledge base then searches lexically and says
/// so); the next call probes again, so a restarted Milvus is picked up. Writes become visible to search within
/// a fraction of a second (Milvus's eventual consistency), not at once.
public actor MilvusVectorStore: VectorStore {
    /// The server's RESTful API root, for messages.
    public nonisolated let baseURL: String
    private let connection: MilvusConnection
    private let prefix: String
    private var dimension: Int?
    private var dialect: (any MilvusDialect)?
    /// Whether the collection is known to exist (and be loaded).
    private var collectionExists = false

    /// - Parameters:
    ///   - baseURL: `http://host:port` (`MilvusSettings.baseURL`).
    ///   - token: a bearer token when Milvus has authentication on.
    ///   - embedderIdentity: `TextEmbedder.identity`; names the collection.
    ///   - dimension: the vectors' length, when known.
    public init(baseURL: String, token: String? = nil, embedderIdentity: String, dimension: Int? = nil) {
        self.baseURL = baseURL
        self.connection = MilvusConnection(baseURL: baseURL, token: token, client: JSONHTTPClient())
        self.prefix = MilvusCollectionName.prefix(embedderIdentity: embedderIdentity)
        self.dimension = dimension
    }

    /// The collection's name, once the dimension is known.
    public var collection: String? { dimension.map { prefix + "\($0)" } }

    /// The API the server speaks ("RESTful API v1" or "v2"), probing if not done yet.
    public func apiName() async throws -> String {
        try await api().name
    }

    public func upsert(_ vectors: [ChunkVector]) async throws {
        guard let first = vectors.first else { return }
        let collection = try await writableCollection(dimension: first.vector.count)
        guard let dimension, let wrong = vectors.first(where: { $0.vector.count != dimension }) else {
            try await run { try await $0.upsert(vectors, into: collection) }
            return
        }
        throw MilvusError(
            .wrongDimension,
            "chunk \(wrong.chunkID)'s vector has \(wrong.vector.count) dimensions; \(collection) holds \(dimension)")
    }

    public func remove(chunkIDs: [Int64]) async throws {
        guard !chunkIDs.isEmpty, let collection = try await existingCollection() else { return }
        try await run { try await $0.remove(chunkIDs, from: collection) }
    }

    public func nearest(to query: [Float], limit: Int) async throws -> [VectorMatch] {
        guard limit > 0, let collection = try await existingCollection(dimension: query.count) else { return [] }
        guard query.count == dimension else {
            throw MilvusError(
                .wrongDimension, "the query has \(query.count) dimensions; \(collection) holds \(dimension ?? 0)")
        }
        return try await run { try await $0.search(query, limit: limit, in: collection) }
    }

    public func count() async throws -> Int {
        guard let collection = try await existingCollection() else { return 0 }
        return try await run { try await $0.count(collection) }
    }

    /// Drops the collection (`spark-lsp kb reset`); the next upsert creates it again.
    public func dropCollection() async throws {
        guard let collection = try await existingCollection() else { return }
        try await run { try await $0.drop(collection) }
        collectionExists = false
    }

    // MARK: - Connection and collection state

    /// Runs `body` with the dialect; a lost connection or a vanished collection makes the next call start over.
    private func run<T>(_ body: (any MilvusDialect) async throws -> T) async throws -> T {
        do {
            return try await body(api())
        } catch let error as MilvusError {
            if error.code == .unavailable { dialect = nil }
            if error.code == .unavailable || error.code == .collectionNotFound { collectionExists = false }
            throw error
        }
    }

    /// The API the server speaks: v2 when `collections/list` answers, else v1.
    private func api() async throws -> any MilvusDialect {
        if let dialect { return dialect }
        let v2 = MilvusV2Dialect(connection: connection)
        do {
            _ = try await v2.collections()
            dialect = v2
            return v2
        } catch let error as MilvusError where error.code != .unavailable {
            let v1 = MilvusV1Dialect(connection: connection)
            do {
                _ = try await v1.collections()
            } catch let v1Error as MilvusError where v1Error.code != .unavailable {
                throw MilvusError(
                    .unsupportedServer,
                    "\(baseURL) speaks neither Milvus's RESTful API v2 (\(error.message)) nor v1 (\(v1Error.message))")
            }
            dialect = v1
            return v1
        }
    }

    /// The collection for vectors of `wanted` dimensions, created (and loaded) if it does not exist.
    private func writableCollection(dimension wanted: Int) async throws -> String {
        if let collection = try await existingCollection(dimension: wanted) { return collection }
        if let dimension, dimension != wanted {
            throw MilvusError(.wrongDimension, "vectors of \(wanted) dimensions for a store of \(dimension)")
        }
        let collection = prefix + "\(wanted)"
        try await run { try await $0.create(collection, dimension: wanted) }
        dimension = wanted
        collectionExists = true
        return collection
    }

    /// The collection if it exists. Its dimension is the one given at `init`, else that of this embedder's one
    /// existing collection, else `guess`.
    private func existingCollection(dimension guess: Int? = nil) async throws -> String? {
        if dimension == nil {
            let names = try await run { try await $0.collections() }.filter { $0.hasPrefix(prefix) }
            let dimensions = names.compactMap { Int($0.dropFirst(prefix.count)) }
            if dimensions.count == 1 { dimension = dimensions[0] }
        }
        guard let wanted = dimension ?? guess else { return nil }
        let collection = prefix + "\(wanted)"
        if collectionExists { return collection }
        guard let existing = try await run({ try await $0.dimension(of: collection) }) else { return nil }
        guard existing == wanted else {
            throw MilvusError(
                .wrongDimension, "collection \(collection) holds \(existing)-dimensional vectors, not \(wanted)")
        }
        dimension = wanted
        collectionExists = true
        return collection
    }
}
