import KnowledgeAgent
import Testing

@Suite struct ChunkVectorTests {
    @Test func equalityComparesIDAndVector() {
        #expect(ChunkVector(chunkID: 1, vector: [1, 0]) == ChunkVector(chunkID: 1, vector: [1, 0]))
        #expect(ChunkVector(chunkID: 1, vector: [1, 0]) != ChunkVector(chunkID: 1, vector: [0, 1]))
    }
}
