import KnowledgeAgent
import Testing

/// The two-pass search (8-bit scan, the best candidates re-scored exactly) against an exact scan, on every integer
/// kernel this processor runs: a broken quantisation or kernel loses recall and fails here.
@Suite struct MemoryVectorStoreRecallTests {
    /// SplitMix64, so that a failure can be replayed.
    struct Numbers: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    static func unit(_ values: [Float]) -> [Float] {
        let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return values.map { $0 / norm }
    }

    static func random(_ dimension: Int, _ numbers: inout Numbers) -> [Float] {
        unit((0..<dimension).map { _ in Float.random(in: -1...1, using: &numbers) })
    }

    /// The exact top `limit` ids, by a plain loop.
    static func exactTop(_ query: [Float], _ vectors: [ChunkVector], limit: Int) -> [Int64] {
        vectors.map { vector in (vector.chunkID, zip(vector.vector, query).reduce(Float(0)) { $0 + $1.0 * $1.1 }) }
            .sorted { $0.1 > $1.1 }.prefix(limit).map(\.0)
    }

    /// The share of the exact top 10 the store's search finds, over `queries`.
    static func recallAt10(_ store: MemoryVectorStore, _ vectors: [ChunkVector], _ queries: [[Float]]) -> Double {
        var found = 0
        for query in queries {
            let expected = Set(exactTop(query, vectors, limit: 10))
            found += store.nearestNow(to: query, limit: 10).filter { expected.contains($0.chunkID) }.count
        }
        return Double(found) / Double(queries.count * 10)
    }

    static var kernels: [Int] { Array(0...MemoryVectorStore.bestKernel) }

    @Test(arguments: MemoryVectorStoreRecallTests.kernels) func recallOnRandomVectors(kernel: Int) {
        var numbers = Numbers(state: 11)
        let vectors = (0..<10_000).map { ChunkVector(chunkID: Int64($0), vector: Self.random(384, &numbers)) }
        let queries = (0..<20).map { _ in Self.random(384, &numbers) }
        let store = MemoryVectorStore(vectors: vectors, kernel: kernel)
        #expect(Self.recallAt10(store, vectors, queries) >= 0.99)
    }

    /// Vectors in tight clusters: the top 10 are all close to the query and to each other, which is where a coarse
    /// quantisation would mix them up with the rest of the cluster.
    @Test(arguments: MemoryVectorStoreRecallTests.kernels) func recallOnClusteredVectors(kernel: Int) {
        var numbers = Numbers(state: 23)
        let dimension = 384
        let centres = (0..<40).map { _ in Self.random(dimension, &numbers) }
        func near(_ centre: [Float], spread: Float) -> [Float] {
            Self.unit(
                centre.map { $0 + spread * Float.random(in: -1...1, using: &numbers) / Float(dimension).squareRoot() })
        }
        let vectors = (0..<10_000).map { id in
            ChunkVector(chunkID: Int64(id), vector: near(centres[id % centres.count], spread: 0.5))
        }
        let queries = (0..<20).map { index in near(centres[index % centres.count], spread: 0.5) }
        let store = MemoryVectorStore(vectors: vectors, kernel: kernel)
        #expect(Self.recallAt10(store, vectors, queries) >= 0.99)
        // The scores that come back are the exact ones.
        let query = queries[0]
        for match in store.nearestNow(to: query, limit: 10) {
            let exact = zip(vectors[Int(match.chunkID)].vector, query).reduce(Float(0)) { $0 + $1.0 * $1.1 }
            #expect(abs(match.score - exact) < 1e-4)
        }
    }

    /// A dimension that is not a multiple of the kernels' 32 or 64 bytes, and vectors that are not unit length
    /// (each row has its own scale): every kernel ranks exactly like the plain one.
    @Test func kernelsAgreeOnAnOddDimension() {
        var numbers = Numbers(state: 5)
        let vectors = (0..<3_000).map { id in
            ChunkVector(chunkID: Int64(id), vector: Self.random(101, &numbers).map { $0 * Float(1 + id % 7) })
        }
        let query = Self.random(101, &numbers)
        let plain = MemoryVectorStore(vectors: vectors, kernel: 0).nearestNow(to: query, limit: 10).map(\.chunkID)
        #expect(plain == Self.exactTop(query, vectors, limit: 10))
        for kernel in Self.kernels {
            #expect(
                MemoryVectorStore(vectors: vectors, kernel: kernel).nearestNow(to: query, limit: 10).map(\.chunkID)
                    == plain)
        }
    }

    /// Updates in place, appends and removals (the last row moved into the gap) keep the codes in step with the
    /// floats: the store then answers like a store built from the final vectors.
    @Test func updatesKeepTheCodesInStep() async throws {
        var numbers = Numbers(state: 42)
        var current: [Int64: [Float]] = [:]
        for id in 0..<2_000 { current[Int64(id)] = Self.random(64, &numbers) }
        let store = MemoryVectorStore(
            vectors: current.sorted { $0.key < $1.key }.map { ChunkVector(chunkID: $0.key, vector: $0.value) })
        let removed = (0..<2_000).filter { $0 % 3 == 0 }.map(Int64.init)
        try await store.remove(chunkIDs: removed)
        for id in removed { current[id] = nil }
        var changed: [ChunkVector] = []
        for id in stride(from: 1, to: 2_000, by: 5) {
            changed.append(ChunkVector(chunkID: Int64(id), vector: Self.random(64, &numbers)))
        }
        for id in 5_000..<5_300 { changed.append(ChunkVector(chunkID: Int64(id), vector: Self.random(64, &numbers))) }
        try await store.upsert(changed)
        for vector in changed { current[vector.chunkID] = vector.vector }
        let final = current.map { ChunkVector(chunkID: $0.key, vector: $0.value) }
        #expect(try await store.count() == final.count)
        for _ in 0..<10 {
            let query = Self.random(64, &numbers)
            #expect(store.nearestNow(to: query, limit: 10).map(\.chunkID) == Self.exactTop(query, final, limit: 10))
        }
        // A changed vector is found by itself, with its new score.
        let probe = changed[7]
        #expect(store.nearestNow(to: probe.vector, limit: 1).first?.chunkID == probe.chunkID)
    }
}
