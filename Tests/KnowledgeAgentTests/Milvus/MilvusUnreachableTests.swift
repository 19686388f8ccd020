import AgentCore
import KnowledgeAgent
import SparkTestSupport
import Testing

/// Without a Milvus server (nothing listens on the port), every call says so, naming the server.
@Suite struct MilvusUnreachableTests {
    @Test func everyCallSaysMilvusIsNotReachable() async throws {
        // A port that was free a moment ago: the listener closes at once.
        let port = try TestListener().port
        let store = MilvusVectorStore(baseURL: "http://127.0.0.1:\(port)", embedderIdentity: "e")
        let isUnavailable: @Sendable (any Error) -> Bool = { error in
            let error = error as? MilvusError
            return error?.code == .unavailable && error?.message.contains("127.0.0.1:\(port) is not reachable") == true
        }
        await #expect(performing: { try await store.upsert([ChunkVector(chunkID: 1, vector: [1])]) }, throws: isUnavailable)
        await #expect(performing: { try await store.nearest(to: [1], limit: 1) }, throws: isUnavailable)
        await #expect(performing: { try await store.count() }, throws: isUnavailable)
    }

    @Test func theConfigurationChoosesTheStore() throws {
        var configuration = SparkConfiguration.defaults
        let local = VectorStores.make(configuration: configuration, embedderIdentity: "e") { LocalMarker() }
        #expect(local is LocalMarker)
        configuration.milvus.host = "127.0.0.1"
        let milvus = VectorStores.make(configuration: configuration, embedderIdentity: "e", dimension: 3) {
            LocalMarker()
        }
        #expect((milvus as? MilvusVectorStore)?.baseURL == "http://127.0.0.1:19530")
    }
}

/// Stands for the embedded store (only its type is looked at).
private struct LocalMarker: VectorStore {
    func upsert(_ vectors: [ChunkVector]) async throws {}
    func remove(chunkIDs: [Int64]) async throws {}
    func nearest(to query: [Float], limit: Int) async throws -> [VectorMatch] { [] }
    func count() async throws -> Int { 0 }
}
