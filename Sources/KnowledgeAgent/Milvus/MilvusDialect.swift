/// One version of Milvus's RESTful API, over a collection whose entities are a chunk id and a vector
/// compared by cosine similarity.
protocol MilvusDialect: Sendable {
    /// The API's name for messages ("RESTful API v2").
    var name: String { get }
    /// Every collection's name.
    func collections() async throws -> [String]
    /// The dimension of the collection's vectors; `nil` when it does not exist.
    func dimension(of collection: String) async throws -> Int?
    /// Creates the collection (a no-op if it exists) and returns once it is loaded for search.
    func create(_ collection: String, dimension: Int) async throws
    func drop(_ collection: String) async throws
    /// Replaces the vectors of these chunks.
    func upsert(_ vectors: [ChunkVector], into collection: String) async throws
    func remove(_ chunkIDs: [Int64], from collection: String) async throws
    /// Best first, by cosine similarity.
    func search(_ query: [Float], limit: Int, in collection: String) async throws -> [VectorMatch]
    func count(_ collection: String) async throws -> Int
}

extension MilvusDialect {
    /// A boolean expression selecting these chunks (the same syntax in v1 and v2).
    static func filter(chunkIDs: some Collection<Int64>) -> String {
        "chunk_id in [\(chunkIDs.map(String.init).joined(separator: ","))]"
    }

    /// The matches of a search reply's `data` rows (`chunk_id` and `distance`, which is the similarity for
    /// the COSINE metric), best first and each chunk once.
    static func matches(_ rows: [JSONValueRow], limit: Int) throws -> [VectorMatch] {
        var seen = Set<Int64>()
        var result: [VectorMatch] = []
        for row in rows {
            guard let chunkID = row.int64("chunk_id"), let distance = row.double("distance") else {
                throw MilvusError(.malformedResponse, "a search result without chunk_id or distance")
            }
            // A chunk upserted moments ago may still show its old copy (deletes become visible after ~0.1-0.4 s).
            if seen.insert(chunkID).inserted { result.append(VectorMatch(chunkID: chunkID, score: Float(distance))) }
            if result.count == limit { break }
        }
        return result
    }
}
