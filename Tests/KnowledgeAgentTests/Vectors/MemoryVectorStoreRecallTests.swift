import KnowledgeAgent
import Testing

/// The two-pass search (4-bit scan, the best candidates re-scored exactly) against an exact scan, and the first
/// pass's scores against the codes, on every integer kernel this processor runs: a broken quantisation or kernel
/// fails here.
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
        var norm: Float = 0
        for value in values { norm += value * value }
        norm = norm.squareRoot()
        return values.map { $0 / norm }
    }

    /// A uniform value in -1...1 from 24 random bits (cheaper than `Float.random(in:using:)` in a debug build).
    static func uniform(_ numbers: inout Numbers) -> Float {
        Float(numbers.next() >> 40) / Float(1 << 23) - 1
    }

    static func random(_ dimension: Int, _ numbers: inout Numbers) -> [Float] {
        unit((0..<dimension).map { _ in uniform(&numbers) })
    }

    static func dot(_ a: [Float], _ b: [Float]) -> Float {
        var sum: Float = 0
        for index in a.indices { sum += a[index] * b[index] }
        return sum
    }

    /// The exact top `limit` ids, by a plain loop.
    static func exactTop(_ query: [Float], _ vectors: [ChunkVector], limit: Int) -> [Int64] {
        vectors.map { vector in (vector.chunkID, dot(vector.vector, query)) }
            .sorted { $0.1 > $1.1 }.prefix(limit).map(\.0)
    }

    /// Vectors, queries and each query's exact top 10: made once and shared by every kernel's test.
    struct Case: Sendable {
        let vectors: [ChunkVector]
        let queries: [[Float]]
        let expected: [Set<Int64>]

        init(vectors: [ChunkVector], queries: [[Float]]) {
            self.vectors = vectors
            self.queries = queries
            expected = queries.map { Set(exactTop($0, vectors, limit: 10)) }
        }
    }

    static let randomCase: Case = {
        var numbers = Numbers(state: 11)
        let vectors = (0..<10_000).map { ChunkVector(chunkID: Int64($0), vector: random(384, &numbers)) }
        return Case(vectors: vectors, queries: (0..<20).map { _ in random(384, &numbers) })
    }()

    /// Vectors in tight clusters: the top 10 are all close to the query and to each other, which is where a coarse
    /// quantisation would mix them up with the rest of the cluster.
    static let clusteredCase: Case = {
        var numbers = Numbers(state: 23)
        let dimension = 384
        let centres = (0..<40).map { _ in random(dimension, &numbers) }
        let spread = 0.5 / Float(dimension).squareRoot()
        func near(_ centre: [Float]) -> [Float] { unit(centre.map { $0 + spread * uniform(&numbers) }) }
        let vectors = (0..<10_000).map { id in
            ChunkVector(chunkID: Int64(id), vector: near(centres[id % centres.count]))
        }
        return Case(vectors: vectors, queries: (0..<20).map { near(centres[$0 % centres.count]) })
    }()

    /// The share of the exact top 10 the store's search finds, over the case's queries.
    static func recallAt10(_ store: MemoryVectorStore, _ test: Case) -> Double {
        var found = 0
        for (query, expected) in zip(test.queries, test.expected) {
            found += store.nearestNow(to: query, limit: 10).filter { expected.contains($0.chunkID) }.count
        }
        return Double(found) / Double(test.queries.count * 10)
    }

    static var kernels: [Int] { Array(0...MemoryVectorStore.bestKernel) }

    @Test(arguments: MemoryVectorStoreRecallTests.kernels) func recallOnRandomVectors(kernel: Int) {
        let test = Self.randomCase
        #expect(Self.recallAt10(MemoryVectorStore(vectors: test.vectors, kernel: kernel), test) >= 0.99)
    }

    @Test(arguments: MemoryVectorStoreRecallTests.kernels) func recallOnClusteredVectors(kernel: Int) {
        let test = Self.clusteredCase
        let store = MemoryVectorStore(vectors: test.vectors, kernel: kernel)
        #expect(Self.recallAt10(store, test) >= 0.99)
        // The scores that come back are the exact ones.
        let query = test.queries[0]
        for match in store.nearestNow(to: query, limit: 10) {
            #expect(abs(match.score - Self.dot(test.vectors[Int(match.chunkID)].vector, query)) < 1e-4)
        }
    }

    /// Each kernel's first-pass scores are exactly the plain sums of the stored 4-bit values times the query's
    /// 8-bit codes, times the row's scale; the values are the vector's rounded to its scale; and the scores are
    /// close to the exact dot products. A dimension that leaves the last block of 64 part-empty, vectors of
    /// several lengths, and a row count that is not a multiple of the kernels' four rows.
    @Test(arguments: MemoryVectorStoreRecallTests.kernels) func firstPassScoresAreTheCodesDotProducts(kernel: Int)
        throws
    {
        var numbers = Numbers(state: 8)
        let vectors = (0..<203).map { id in
            ChunkVector(chunkID: Int64(id), vector: Self.random(101, &numbers).map { $0 * Float(1 + id % 7) })
        }
        let store = MemoryVectorStore(vectors: vectors, kernel: kernel)
        let query = Self.random(101, &numbers)
        let (queryCodes, queryScale) = NibbleCodes.query(query)
        let scores = store.firstPassScores(to: query)
        #expect(scores.count == vectors.count)
        for vector in vectors {
            let (values, scale) = try #require(store.codeValues(of: vector.chunkID))
            #expect(zip(values, vector.vector).allSatisfy { abs(Float($0) * scale - $1) <= scale / 2 + 1e-6 })
            let sum = zip(values, queryCodes).reduce(0) { $0 + $1.0 * Int($1.1) }
            #expect(scores[vector.chunkID] == Float(sum) * scale)
            let length = Self.dot(vector.vector, vector.vector).squareRoot()
            #expect(abs(Float(sum) * scale * queryScale - Self.dot(vector.vector, query)) < 0.08 * length)
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
