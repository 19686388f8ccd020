import KnowledgeAgent
import Testing

@Suite struct MemoryVectorStoreTests {
    /// A unit vector of `dimension` pointing mostly along `axis`.
    func vector(_ axis: Int, dimension: Int = 37, tilt: Float = 0) -> [Float] {
        var values = [Float](repeating: 0, count: dimension)
        values[axis] = 1
        values[(axis + 1) % dimension] = tilt
        let norm = (1 + tilt * tilt).squareRoot()
        return values.map { $0 / norm }
    }

    @Test func nearestRanksByCosine() async throws {
        let store = MemoryVectorStore(vectors: (0..<30).map { ChunkVector(chunkID: Int64($0), vector: vector($0)) })
        try await store.upsert([ChunkVector(chunkID: 100, vector: vector(5, tilt: 0.5))])
        let matches = try await store.nearest(to: vector(5), limit: 3)
        #expect(matches.map(\.chunkID) == [5, 100, 0] || matches.prefix(2).map(\.chunkID) == [5, 100])
        #expect(abs(matches[0].score - 1) < 1e-5)
        #expect(matches[0].score > matches[1].score)
        #expect(try await store.count() == 31)
    }

    @Test func upsertReplacesAndRemoveForgets() async throws {
        let store = MemoryVectorStore(vectors: [ChunkVector(chunkID: 1, vector: vector(1)), ChunkVector(chunkID: 2, vector: vector(2))])
        try await store.upsert([ChunkVector(chunkID: 1, vector: vector(3))])
        #expect(try await store.nearest(to: vector(3), limit: 1).first?.chunkID == 1)
        try await store.remove(chunkIDs: [1, 99])
        #expect(try await store.count() == 1)
        #expect(try await store.nearest(to: vector(3), limit: 5).map(\.chunkID) == [2])
        // A query of another dimension matches nothing rather than reading out of bounds.
        #expect(try await store.nearest(to: [1, 0], limit: 5).isEmpty)
    }

    @Test func scanMatchesAPlainLoop() async throws {
        var generator = SystemRandomNumberGenerator()
        let vectors = (0..<500).map { id in
            ChunkVector(chunkID: Int64(id), vector: (0..<384).map { _ in Float.random(in: -1...1, using: &generator) })
        }
        let store = MemoryVectorStore(vectors: vectors)
        let query = (0..<384).map { _ in Float.random(in: -1...1, using: &generator) }
        let expected = vectors.map { ($0.chunkID, zip($0.vector, query).map(*).reduce(0, +)) }.sorted { $0.1 > $1.1 }
        let found = try await store.nearest(to: query, limit: 10)
        #expect(found.map(\.chunkID) == expected.prefix(10).map(\.0))
    }
}
