/// Where the knowledge base's chunk vectors live and how they are searched: in memory over the SQLite file
/// (the default) or in a Milvus collection (`MILVUS_HOST`). Lexical search and the documents always stay in SQLite.
public protocol VectorStore: Sendable {
    /// Adds the vectors of these chunks, replacing any the store already holds for the same chunk ids.
    func upsert(_ vectors: [ChunkVector]) async throws

    /// Removes the vectors of these chunks; ids the store does not hold are ignored.
    func remove(chunkIDs: [Int64]) async throws

    /// The `limit` chunks nearest to `query` by cosine similarity, best first.
    func nearest(to query: [Float], limit: Int) async throws -> [VectorMatch]

    /// How many vectors the store holds.
    func count() async throws -> Int
}

/// One chunk's embedding.
public struct ChunkVector: Sendable, Equatable {
    public var chunkID: Int64
    public var vector: [Float]

    public init(chunkID: Int64, vector: [Float]) {
        self.chunkID = chunkID
        self.vector = vector
    }
}

/// The embedding of one passage of a long chunk (`EmbeddingPassages`); kept in SQLite, read to re-score the
/// chunks a search found, never searched by the vector store.
public struct PassageVector: Sendable, Equatable {
    public var chunkID: Int64
    /// The passage's position in its chunk, from 0.
    public var passage: Int
    public var vector: [Float]

    public init(chunkID: Int64, passage: Int, vector: [Float]) {
        self.chunkID = chunkID
        self.passage = passage
        self.vector = vector
    }
}

/// A chunk found by vector search, with its cosine similarity to the query.
public struct VectorMatch: Sendable, Equatable {
    public var chunkID: Int64
    public var score: Float

    public init(chunkID: Int64, score: Float) {
        self.chunkID = chunkID
        self.score = score
    }
}
