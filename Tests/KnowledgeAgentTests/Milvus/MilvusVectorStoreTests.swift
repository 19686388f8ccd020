import KnowledgeAgent
import Testing

/// `MilvusVectorStore` against the real Milvus 2.3.5 (RESTful API v1). Serialized: the last test stops the server.
@Suite(.realMilvus, .serialized) struct MilvusVectorStoreTests {
    private static func unit(_ values: [Float]) -> [Float] {
        let length = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return values.map { $0 / length }
    }

    @Test func milvus23SpeaksTheV1API() async throws {
        #expect(try await RealMilvus.store("probe").apiName() == "RESTful API v1")
    }

    @Test func upsertNearestCountAndRemove() async throws {
        let store = RealMilvus.store("crud")
        #expect(try await store.count() == 0)
        #expect(try await store.nearest(to: [1, 0, 0, 0], limit: 3).isEmpty)
        try await store.upsert([
            ChunkVector(chunkID: 1, vector: [1, 0, 0, 0]),
            ChunkVector(chunkID: 2, vector: Self.unit([1, 1, 0, 0])),
            ChunkVector(chunkID: 3, vector: [0, 0, 1, 0]),
        ])
        #expect(await store.collection?.hasSuffix("_4") == true)
        try await RealMilvus.eventually("three vectors") { try await store.count() == 3 }
        let matches = try await store.nearest(to: [1, 0, 0, 0], limit: 2)
        #expect(matches.map(\.chunkID) == [1, 2])
        #expect(abs(matches[0].score - 1) < 1e-5 && abs(matches[1].score - 0.7071) < 1e-3)

        // An upsert replaces the chunk's vector: still three, and chunk 1 now points elsewhere.
        try await store.upsert([ChunkVector(chunkID: 1, vector: [0, 0, 0, 1])])
        try await RealMilvus.eventually("chunk 1 moved") {
            let moved = try await store.nearest(to: [0, 0, 0, 1], limit: 1).first?.chunkID == 1
            let count = try await store.count()
            return moved && count == 3
        }
        #expect(try await store.nearest(to: [1, 0, 0, 0], limit: 1).first?.chunkID == 2)

        try await store.remove(chunkIDs: [2, 99])
        try await RealMilvus.eventually("chunk 2 removed") { try await store.count() == 2 }
        #expect(try await !store.nearest(to: [1, 0, 0, 0], limit: 3).map(\.chunkID).contains(2))
        try await store.dropCollection()
        #expect(try await store.count() == 0)
    }

    /// A new store (a new process) finds the embedder's collection and its dimension without being told.
    @Test func aNewStoreFindsTheCollection() async throws {
        let identity = "test-reopen-\(UInt32.random(in: 0...UInt32.max))"
        let first = MilvusVectorStore(baseURL: RealMilvus.baseURL, embedderIdentity: identity)
        try await first.upsert([ChunkVector(chunkID: 7, vector: [0, 1, 0])])
        let second = MilvusVectorStore(baseURL: RealMilvus.baseURL, embedderIdentity: identity)
        try await RealMilvus.eventually("visible to a new store") {
            try await second.nearest(to: [0, 1, 0], limit: 1).first?.chunkID == 7
        }
        #expect(await second.collection == first.collection)
        try await second.dropCollection()
    }

    @Test func vectorsOfAnotherDimensionAreRefused() async throws {
        let store = RealMilvus.store("dimension")
        try await store.upsert([ChunkVector(chunkID: 1, vector: [1, 0, 0])])
        await #expect { try await store.upsert([ChunkVector(chunkID: 2, vector: [1, 0])]) } throws: { error in
            (error as? MilvusError)?.code == .wrongDimension
        }
        await #expect {
            try await store.upsert([ChunkVector(chunkID: 2, vector: [1, 0, 0]), ChunkVector(chunkID: 3, vector: [1])])
        } throws: { error in
            (error as? MilvusError)?.code == .wrongDimension && "\(error)".contains("chunk 3")
        }
        await #expect { try await store.nearest(to: [1, 0, 0, 0], limit: 1) } throws: { error in
            (error as? MilvusError)?.code == .wrongDimension
        }
        try await RealMilvus.eventually("the vector") { try await store.count() == 1 }
        try await store.dropCollection()
    }

    /// Milvus stops: calls fail with a clear `.unavailable` (the knowledge base then searches lexically). Last in
    /// the suite: Milvus stays stopped (a restart takes 10-60 s here, too long for the suite).
    @Test func milvusStopped() async throws {
        let store = RealMilvus.store("stopped")
        try await store.upsert([ChunkVector(chunkID: 5, vector: [0, 0, 1])])
        try await RealMilvus.eventually("the vector") { try await store.count() == 1 }
        try await RealMilvus.server("stop")
        await #expect { try await store.nearest(to: [0, 0, 1], limit: 1) } throws: { error in
            let error = error as? MilvusError
            return error?.code == .unavailable && error?.message.contains("is not reachable") == true
        }
        await #expect { try await store.upsert([ChunkVector(chunkID: 6, vector: [0, 1, 0])]) } throws: { error in
            (error as? MilvusError)?.code == .unavailable
        }
    }
}
