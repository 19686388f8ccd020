import CVectorKernels
import Synchronization

/// The default vector store: every vector in memory, searched in two passes and updated in place as chunks change.
///
/// 1. An approximate scan of 4-bit codes (`NibbleCodes`, one contiguous buffer, an eighth of the floats' bytes)
///    with integer dot products (`CVectorKernels`: AVX-VNNI or AVX2 when the processor has them, plain C
///    otherwise), keeping the best `max(8 × limit, 400)` rows;
/// 2. those rows scored exactly against the `Float` vectors (a second contiguous buffer), best first.
///
/// The codes are out of the cache between queries, so the scan's bytes are most of its time: 4-bit codes, read
/// ahead (`CVectorKernels`), made the search of 100,000 vectors of 384 dimensions a third faster than 8-bit codes
/// (`docs/benchmarks/knowledge.md`), and their coarser scores are made up for by re-scoring 400 candidates
/// instead of 200.
///
/// Exact scores come back, and the recall of the result against an exact scan is tested (`MemoryVectorStoreTests`).
/// A store of no more rows than the candidates is scanned exactly. Hand-written rather than an ANN library: no
/// index to build or tune, and updates are a row written, appended or moved.
///
/// `Mutex`-guarded state: a query reads under the lock (no suspension, so no actor hop per query).
public final class MemoryVectorStore: VectorStore {
    private struct Storage {
        var dimension = 0
        var ids: [Int64] = []
        /// `ids.count * dimension` values, row after row: what the candidates are scored with.
        var values: [Float] = []
        /// The same rows as 4-bit codes (`NibbleCodes`), `stride` bytes each: what the first pass scans.
        var codes: [UInt8] = []
        var stride = 0
        /// Each row's code scale.
        var scales: [Float] = []
        var rowOfID: [Int64: Int] = [:]
        /// Rows to reserve room for once the dimension is known.
        var reservedRows = 0
    }

    /// The fewest candidates the approximate pass hands to the exact one.
    public static let minimumCandidates = 400

    private let storage = Mutex<Storage>(Storage())
    /// The integer kernel of the first pass (the processor's best unless a test asks for a lower one).
    private let kernel: spark_dot_kernel

    /// A store holding `vectors` (all of one dimension).
    public convenience init(vectors: [ChunkVector] = []) {
        self.init(vectors: vectors, kernel: spark_dot_kernel_available())
    }

    /// A store whose first pass runs kernel number `kernel` (0 portable, 1 AVX2, 2 AVX-VNNI; at most
    /// `bestKernel`): tests compare the kernels this processor has.
    package convenience init(vectors: [ChunkVector], kernel: Int) {
        self.init(vectors: vectors, kernel: spark_dot_kernel(rawValue: UInt32(min(max(kernel, 0), Self.bestKernel))))
    }

    /// The number of the fastest kernel this processor runs.
    package static var bestKernel: Int { Int(spark_dot_kernel_available().rawValue) }

    private init(vectors: [ChunkVector], kernel: spark_dot_kernel) {
        self.kernel = kernel
        storage.withLock { storage in
            storage.reservedRows = vectors.count
            for vector in vectors { Self.insert(vector.chunkID, vector.vector, into: &storage) }
        }
    }

    /// Which integer kernel the first pass runs: "avx-vnni", "avx2" or "portable".
    public var kernelName: String {
        switch kernel {
        case SPARK_DOT_KERNEL_AVX_VNNI: "avx-vnni"
        case SPARK_DOT_KERNEL_AVX2: "avx2"
        default: "portable"
        }
    }

    public func upsert(_ vectors: [ChunkVector]) async throws {
        storage.withLock { storage in
            for vector in vectors { Self.insert(vector.chunkID, vector.vector, into: &storage) }
        }
    }

    /// Adds (or replaces) one chunk's vector straight from a buffer: how the stored vectors are loaded, row by row,
    /// without an array per chunk.
    public func upsert(chunkID: Int64, vector: UnsafeBufferPointer<Float>) {
        storage.withLock { Self.insert(chunkID, vector, into: &$0) }
    }

    /// Reserves room for `rows` vectors (the buffers are sized exactly once the first vector gives the dimension).
    public func reserveCapacity(_ rows: Int) {
        storage.withLock { storage in
            storage.reservedRows = rows
            if storage.dimension > 0 { Self.reserve(&storage) }
        }
    }

    public func remove(chunkIDs: [Int64]) async throws {
        storage.withLock { storage in
            for id in chunkIDs { Self.remove(id, from: &storage) }
        }
    }

    public func nearest(to query: [Float], limit: Int) async throws -> [VectorMatch] {
        nearestNow(to: query, limit: limit)
    }

    public func count() async throws -> Int {
        storage.withLock { $0.ids.count }
    }

    /// The nearest vectors, synchronously (what `nearest(to:limit:)` returns): the 4-bit scan, then the best
    /// `max(8 × limit, 400)` rows scored exactly.
    public func nearestNow(to query: [Float], limit: Int) -> [VectorMatch] {
        storage.withLock { storage in
            guard limit > 0, storage.dimension > 0, query.count == storage.dimension else { return [] }
            let candidates = max(8 * limit, Self.minimumCandidates)
            guard storage.ids.count > candidates else { return Self.exact(query, limit: limit, in: storage) }
            let rows = Self.approximate(query, candidates: candidates, in: storage, kernel: kernel)
            var best = TopScores(capacity: limit)
            storage.values.withUnsafeBufferPointer { values in
                query.withUnsafeBufferPointer { query in
                    for row in rows {
                        best.offer(
                            Self.dot(query, values, offset: row * storage.dimension, count: storage.dimension), row)
                    }
                }
            }
            return best.sorted().map { VectorMatch(chunkID: storage.ids[$0.row], score: $0.score) }
        }
    }

    /// The exact similarities (dot products) to `query` of the stored vectors of `chunkIDs`; ids without a vector
    /// are left out.
    public func similarities(of chunkIDs: [Int64], to query: [Float]) -> [Int64: Double] {
        storage.withLock { storage in
            guard storage.dimension > 0, query.count == storage.dimension else { return [:] }
            var result: [Int64: Double] = [:]
            storage.values.withUnsafeBufferPointer { values in
                query.withUnsafeBufferPointer { query in
                    for id in chunkIDs {
                        guard let row = storage.rowOfID[id] else { continue }
                        result[id] = Double(
                            Self.dot(query, values, offset: row * storage.dimension, count: storage.dimension))
                    }
                }
            }
            return result
        }
    }

    /// The nearest vectors by an exact scan of every `Float` row (what the two passes approximate; the benchmark
    /// and the tests compare them).
    public func nearestExact(to query: [Float], limit: Int) -> [VectorMatch] {
        storage.withLock { storage in
            guard limit > 0, storage.dimension > 0, query.count == storage.dimension else { return [] }
            return Self.exact(query, limit: limit, in: storage)
        }
    }

    /// The first pass's score of every stored vector (the kernel's integer dot product times the row's scale), by
    /// chunk id: what the tests check the kernels against.
    package func firstPassScores(to query: [Float]) -> [Int64: Float] {
        storage.withLock { storage in
            guard storage.dimension > 0, query.count == storage.dimension else { return [:] }
            var scores = [Int32](repeating: 0, count: storage.ids.count)
            let queryCodes = NibbleCodes.query(query).codes
            storage.codes.withUnsafeBufferPointer { codes in
                spark_u4_dot_rows(
                    kernel, codes.baseAddress!, storage.ids.count, storage.stride, queryCodes, &scores)
            }
            return Dictionary(
                uniqueKeysWithValues: storage.ids.indices.map {
                    (storage.ids[$0], Float(scores[$0]) * storage.scales[$0])
                })
        }
    }

    /// A stored vector's 4-bit values (-7...7) and scale, read back from the codes.
    package func codeValues(of chunkID: Int64) -> (values: [Int], scale: Float)? {
        storage.withLock { storage in
            storage.rowOfID[chunkID].map { row in
                (
                    NibbleCodes.values(in: storage.codes, at: row * storage.stride, dimension: storage.dimension),
                    storage.scales[row]
                )
            }
        }
    }

    private static func exact(_ query: [Float], limit: Int, in storage: Storage) -> [VectorMatch] {
        var best = TopScores(capacity: limit)
        let dimension = storage.dimension
        storage.values.withUnsafeBufferPointer { values in
            query.withUnsafeBufferPointer { query in
                for row in 0..<storage.ids.count {
                    best.offer(Self.dot(query, values, offset: row * dimension, count: dimension), row)
                }
            }
        }
        return best.sorted().map { VectorMatch(chunkID: storage.ids[$0.row], score: $0.score) }
    }

    /// The rows of the `candidates` best approximate scores, from the 4-bit codes, in blocks of 4,096 rows (the
    /// kernel's integer scores stay in the cache).
    private static func approximate(_ query: [Float], candidates: Int, in storage: Storage, kernel: spark_dot_kernel)
        -> [Int]
    {
        let queryCodes = NibbleCodes.query(query).codes
        let stride = storage.stride
        let rowCount = storage.ids.count
        let block = 4096
        var best = TopScores(capacity: candidates)
        var scores = [Int32](repeating: 0, count: min(block, rowCount))
        storage.codes.withUnsafeBufferPointer { codes in
            storage.scales.withUnsafeBufferPointer { scales in
                queryCodes.withUnsafeBufferPointer { queryCodes in
                    scores.withUnsafeMutableBufferPointer { scores in
                        var start = 0
                        while start < rowCount {
                            let count = min(block, rowCount - start)
                            spark_u4_dot_rows(
                                kernel, codes.baseAddress! + start * stride, count, stride, queryCodes.baseAddress!,
                                scores.baseAddress!)
                            // Most rows fall below the kept scores: compared here, they skip the heap's code.
                            var threshold = best.threshold
                            for index in 0..<count {
                                let score = Float(scores[index]) * scales[start + index]
                                guard score > threshold else { continue }
                                best.offer(score, start + index)
                                threshold = best.threshold
                            }
                            start += count
                        }
                    }
                }
            }
        }
        return best.heap.map(\.row)
    }

    /// The dot product of `query` with the row of `values` starting at `offset`, eight lanes at a time.
    /// Multiply, then add: `addingProduct` is a fused multiply-add, which without FMA in the target (x86-64's
    /// baseline has none) is a libm call per lane and made the scan 4 times slower than a scalar loop.
    @inline(__always)
    static func dot(
        _ query: UnsafeBufferPointer<Float>, _ values: UnsafeBufferPointer<Float>, offset: Int, count: Int
    ) -> Float {
        var sum0 = SIMD8<Float>.zero
        var sum1 = SIMD8<Float>.zero
        var index = 0
        let queryBase = UnsafeRawPointer(query.baseAddress!)
        let rowBase = UnsafeRawPointer(values.baseAddress! + offset)
        while index + 16 <= count {
            let q0 = queryBase.loadUnaligned(fromByteOffset: index * 4, as: SIMD8<Float>.self)
            let r0 = rowBase.loadUnaligned(fromByteOffset: index * 4, as: SIMD8<Float>.self)
            let q1 = queryBase.loadUnaligned(fromByteOffset: (index + 8) * 4, as: SIMD8<Float>.self)
            let r1 = rowBase.loadUnaligned(fromByteOffset: (index + 8) * 4, as: SIMD8<Float>.self)
            sum0 += q0 * r0
            sum1 += q1 * r1
            index += 16
        }
        var sum = (sum0 + sum1).sum()
        while index < count {
            sum += query[index] * values[offset + index]
            index += 1
        }
        return sum
    }

    private static func insert(_ id: Int64, _ vector: [Float], into storage: inout Storage) {
        vector.withUnsafeBufferPointer { insert(id, $0, into: &storage) }
    }

    private static func insert(_ id: Int64, _ vector: UnsafeBufferPointer<Float>, into storage: inout Storage) {
        guard !vector.isEmpty else { return }
        if storage.dimension == 0 || storage.ids.isEmpty {
            storage.dimension = vector.count
            storage.stride = NibbleCodes.stride(for: vector.count)
            reserve(&storage)
        }
        guard vector.count == storage.dimension else { return }
        if let row = storage.rowOfID[id] {
            let start = row * storage.dimension
            storage.values.withUnsafeMutableBufferPointer { values in
                _ = UnsafeMutableBufferPointer(rebasing: values[start..<(start + vector.count)]).initialize(
                    from: vector)
            }
            storage.scales[row] = NibbleCodes.write(vector, to: &storage.codes, at: row * storage.stride)
        } else {
            storage.rowOfID[id] = storage.ids.count
            storage.ids.append(id)
            storage.values.append(contentsOf: vector)
            storage.scales.append(NibbleCodes.append(vector, to: &storage.codes))
        }
    }

    /// Sizes the buffers for `reservedRows` rows of the current dimension.
    private static func reserve(_ storage: inout Storage) {
        let rows = storage.reservedRows
        guard rows > storage.ids.count else { return }
        storage.ids.reserveCapacity(rows)
        storage.scales.reserveCapacity(rows)
        storage.values.reserveCapacity(rows * storage.dimension)
        storage.codes.reserveCapacity(rows * storage.stride)
        storage.rowOfID.reserveCapacity(rows)
    }

    /// Removes a row by moving the last row into its place.
    private static func remove(_ id: Int64, from storage: inout Storage) {
        guard let row = storage.rowOfID.removeValue(forKey: id) else { return }
        let last = storage.ids.count - 1
        let dimension = storage.dimension
        let stride = storage.stride
        if row != last {
            let lastID = storage.ids[last]
            storage.ids[row] = lastID
            storage.rowOfID[lastID] = row
            storage.scales[row] = storage.scales[last]
            for offset in 0..<dimension {
                storage.values[row * dimension + offset] = storage.values[last * dimension + offset]
            }
            for offset in 0..<stride { storage.codes[row * stride + offset] = storage.codes[last * stride + offset] }
        }
        storage.ids.removeLast()
        storage.scales.removeLast()
        storage.values.removeLast(dimension)
        storage.codes.removeLast(stride)
    }
}
