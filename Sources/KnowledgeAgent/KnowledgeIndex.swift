import AgentCore
import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The knowledge base as its users see it (the `kb` commands, the `rag` agent's tools, the editor's background
/// indexing): index roots, search, read documents.
///
/// Lexical search (SQLite FTS5, BM25) always; with an embedder, chunk vectors too, searched in the vector store
/// (in memory by default, loaded from the SQLite file on first use) and fused with the lexical ranking.
public final class KnowledgeIndex: Sendable {
    /// The SQLite file.
    public let base: KnowledgeBase
    /// Turns chunks and queries into vectors; `nil` keeps the index lexical.
    public let embedder: (any TextEmbedder)?
    public let maxFileSize: Int
    /// The chunking and ranking: the shipped ones, or a retrieval benchmark's baseline (`SPARK_KB_CHUNKING`,
    /// `SPARK_KB_RANKING`, which only the `kb` commands read).
    public let baseline: BenchmarkBaseline
    private let logger: Logger
    /// The vector store, loaded on first use (`nil` until then); a given store is used as is.
    private let vectorStore: Mutex<(any VectorStore)?>
    /// Runs one indexing at a time.
    private let indexing = IndexingQueue()
    /// Whether this index has compared the embedder's fingerprint with the recorded one, and its vector store's
    /// count with SQLite's copies: once each, since a language server indexes at every save (and Milvus counts a
    /// write a moment late, which would refill a full collection).
    private let fingerprintChecked = Mutex(false)
    private let storeCompared = Mutex(false)

    /// A knowledge index over `base`. `vectorStore` holds the vectors (a `MemoryVectorStore` loaded from `base` on
    /// first use when `nil`).
    public init(
        base: KnowledgeBase, embedder: (any TextEmbedder)?, vectorStore: (any VectorStore)? = nil,
        maxFileSize: Int = KnowledgeBaseSettings.defaultMaxFileSize, baseline: BenchmarkBaseline = BenchmarkBaseline(),
        logger: Logger
    ) {
        self.baseline = baseline
        self.base = base
        self.embedder = embedder
        self.vectorStore = Mutex(vectorStore)
        self.maxFileSize = maxFileSize
        self.logger = logger
    }

    /// The index of a data directory as `configuration` sets it up: `knowledge.sqlite`, and `HTTPTextEmbedder`
    /// when `knowledgeBase.embeddingModel` is set.
    public convenience init(
        configuration: SparkConfiguration, environment: [String: String], client: any ModelClient,
        baseline: BenchmarkBaseline = BenchmarkBaseline(), logger: Logger
    ) throws {
        let settings = configuration.knowledgeBase
        let embedder = settings.embeddingModel.map {
            HTTPTextEmbedder(client: client, model: $0, endpoint: configuration.embeddingEndpoint) as any TextEmbedder
        }
        // Milvus when the configuration names a host (`MILVUS_HOST`); else the vectors loaded from SQLite.
        let milvus = embedder.flatMap { VectorStores.milvus(configuration: configuration, embedderIdentity: $0.identity) }
        self.init(
            base: try KnowledgeBase(directory: configuration.dataDirectory(environment: environment)), embedder: embedder,
            vectorStore: milvus, maxFileSize: settings.maxFileSize, baseline: baseline, logger: logger)
    }

    /// The roots a configuration indexes by default: the workspace, then `knowledgeBase.paths` (relative ones
    /// against the workspace).
    public static func defaultRoots(_ configuration: SparkConfiguration) -> [String] {
        let workspace = configuration.workspace
        return [workspace]
            + configuration.knowledgeBase.paths.map { $0.hasPrefix("/") ? $0 : workspace + "/" + $0 }
    }

    // MARK: Indexing

    /// Indexes `roots` one after the other (one indexing runs at a time), then embeds the chunks that have no
    /// vector yet. Cancellable between files.
    public func index(
        roots: [String], progress: @escaping @Sendable (IndexProgress) -> Void = { _ in }
    ) async throws -> IndexReport {
        try await indexing.run { [self] in
            let started = Self.now()
            var total = IndexReport()
            let indexer = KnowledgeIndexer(base: base, maxFileSize: maxFileSize, chunking: baseline.chunking)
            for root in roots {
                let report = try await indexer.index(root: root, progress: progress) { [self] applied in
                    guard !applied.removed.isEmpty || !applied.kept.isEmpty,
                        let store = try await loadedVectorStore()
                    else { return }
                    if !applied.removed.isEmpty { try await store.remove(chunkIDs: applied.removed) }
                    if !applied.kept.isEmpty { try await store.upsert(applied.kept) }
                }
                total = Self.adding(report, to: total)
            }
            if embedder != nil { try await embedMissing(into: &total, progress: progress) }
            total.seconds = Self.now() - started
            return total
        }
    }

    /// Embeds every chunk without a vector, in batches; stops at the first batch that fails after the embedder's
    /// retries and reports how many chunks are left without vectors (the next run retries them).
    private func embedMissing(into report: inout IndexReport, progress: @escaping @Sendable (IndexProgress) -> Void)
        async throws
    {
        guard let embedder else { return }
        // A server that does not answer the probe is checked next time; its batches report the failure below.
        var fingerprint: [Float]?
        if !fingerprintChecked.withLock({ $0 }) {
            fingerprint = try? await Self.embed([EmbedderFingerprint.probe], with: embedder).first
        }
        if try await base.useEmbedder(embedder.identity, fingerprint: fingerprint) {
            vectorStore.withLock { $0 = nil }
        }
        if fingerprint != nil { fingerprintChecked.withLock { $0 = true } }
        guard let store = try await loadedVectorStore() else { return }
        let missing = try await base.statistics()
        // A store that holds fewer vectors than SQLite's copies (a Milvus collection emptied, new, or switched on
        // after the vectors were made) gets them from those copies, not from the model again.
        if !storeCompared.withLock({ $0 }) {
            if try await store.count() < missing.vectors {
                let stored = try await base.vectors()
                for start in stride(from: 0, to: stored.count, by: 256) {
                    try await store.upsert(Array(stored[start..<min(start + 256, stored.count)]))
                }
            }
            storeCompared.withLock { $0 = true }
        }
        let total = missing.chunks - missing.vectors
        // The line windows of a benchmark baseline are embedded as a plain pipeline would: their text alone, without
        // the title line or the passages.
        let windows = baseline.chunking != .default
        var after: Int64 = 0
        while true {
            try Task.checkCancellation()
            let batch = try await base.chunksWithoutVectors(after: after, limit: 64)
            guard let last = batch.last else { break }
            after = last.id
            do {
                let vectors = try await Self.embed(batch.map { windows ? $0.text : $0.embeddingText }, with: embedder)
                let chunkVectors = zip(batch, vectors).map { ChunkVector(chunkID: $0.id, vector: $1) }
                let passages = windows ? [] : try await passageVectors(of: batch, embedder: embedder)
                try await base.storeVectors(chunkVectors, passages: passages)
                try await store.upsert(chunkVectors)
                report.embedded += batch.count
                progress(IndexProgress(phase: "embedding", done: report.embedded, total: total, root: ""))
            } catch let error where !(error is CancellationError) {
                let statistics = try await base.statistics()
                report.embeddingFailures = statistics.chunks - statistics.vectors
                report.embeddingError = "\(error)"
                logger.warning("Embedding failed, \(report.embeddingFailures) chunks left without vectors: \(error)")
                return
            }
        }
    }

    /// The vectors of the passages of the long chunks among `chunks`, embedded in batches of at most 64 texts.
    private func passageVectors(of chunks: [KnowledgeChunk], embedder: any TextEmbedder) async throws -> [PassageVector] {
        let passages = chunks.flatMap { chunk in
            EmbeddingPassages().passages(of: chunk).enumerated().map { (chunkID: chunk.id, passage: $0, text: $1) }
        }
        var vectors: [PassageVector] = []
        for start in stride(from: 0, to: passages.count, by: 64) {
            let batch = passages[start..<min(start + 64, passages.count)]
            let embedded = try await Self.embed(batch.map(\.text), with: embedder)
            vectors += zip(batch, embedded).map { PassageVector(chunkID: $0.chunkID, passage: $0.passage, vector: $1) }
        }
        return vectors
    }

    /// The vectors of `texts`, one each, or an error saying the server returned another count.
    private static func embed(_ texts: [String], with embedder: any TextEmbedder) async throws -> [[Float]] {
        let vectors = try await embedder.embed(texts)
        guard vectors.count == texts.count else {
            throw KnowledgeError("the embedding server returned \(vectors.count) vectors for \(texts.count) texts")
        }
        return vectors
    }

    /// The vector store, loading the stored vectors into memory on first use when none was given; `nil` without an
    /// embedder.
    private func loadedVectorStore() async throws -> (any VectorStore)? {
        guard let embedder else { return nil }
        if let store = vectorStore.withLock({ $0 }) { return store }
        let loaded = MemoryVectorStore()
        if try await base.vectorsFit(embedder.identity) { try await base.loadVectors(into: loaded) }
        return vectorStore.withLock { current in
            if let current { return current }
            current = loaded
            return loaded
        }
    }

    // MARK: Search

    /// The `limit` chunks that best answer `query`: hybrid when vectors exist, lexical otherwise (or as the
    /// benchmark baseline's ranking says).
    public func search(_ query: String, limit: Int) async throws -> [SearchHit] {
        let terms = QueryTerms(query)
        let depth = max(limit * 4, 50)
        // BM25 runs on the database's thread while the query is embedded and the vectors are searched: with a model
        // server, behind the request's round trip. For the hybrid ranking, four times deeper than the candidates
        // it brings: the scores of the vector search's candidates further down, which it weighs (asking FTS5 for
        // the candidates' scores by rowid took 6.5 ms at 100,000 chunks).
        let weighsBoth = baseline.ranking == .default && embedder != nil
        let match = terms.ftsQuery
        async let scored = base.lexicalSearch(match, limit: weighsBoth ? depth * 4 : depth)
        var vector: [VectorMatch] = []
        var queryVector: [Float] = []
        var memoryStore: MemoryVectorStore?
        if baseline.ranking != .lexical, let embedder, let store = try await loadedVectorStore() {
            memoryStore = store as? MemoryVectorStore
            do {
                // Inside: a Milvus that does not answer makes the search lexical, not fail.
                if try await store.count() > 0, let embedded = try await embedder.embed([query]).first {
                    queryVector = embedded
                    vector = try await store.nearest(to: queryVector, limit: depth)
                }
            } catch let error where !(error is CancellationError) {
                logger.warning("No vector search, searching lexically: \(error)")
            }
        }
        return try await hits(
            for: query, terms: terms, scored: try await scored, depth: depth, vector: vector, queryVector: queryVector,
            memoryStore: memoryStore, limit: limit, in: base)
    }

    /// The ranked hits of the BM25 matches (`scored`, best first) and the vector matches, read and scored on the
    /// database's thread in one go (`base` isolated): a hop there and back for each read cost more than the reads
    /// on a loaded machine. The candidates' own similarities come from `memoryStore` when the vectors are in memory
    /// (only their passages are read), else from the copies in SQLite (Milvus).
    private func hits(
        for query: String, terms: QueryTerms, scored: [(chunkID: Int64, score: Double)], depth: Int,
        vector: [VectorMatch], queryVector: [Float], memoryStore: MemoryVectorStore?, limit: Int,
        in base: isolated KnowledgeBase
    ) throws -> [SearchHit] {
        let lexical = Array(scored.prefix(depth))
        let ranked: [(id: Int64, score: Double)]
        switch baseline.ranking {
        case .lexical:
            ranked = lexical.map { ($0.chunkID, $0.score) }
        case .default where vector.isEmpty:
            // BM25 alone, with a heading boost (scaled to BM25's range): it reads every match's headings.
            let chunks = try Self.chunksByID(lexical.map(\.chunkID), in: base)
            let boost = 0.25 * abs(lexical.first?.score ?? 1)
            var boosted: [(id: Int64, score: Double, position: Int)] = []
            for (position, match) in lexical.enumerated() {
                let coverage = chunks[match.chunkID].map {
                    terms.coverage(of: ([$0.path] + $0.headings).joined(separator: " "))
                }
                boosted.append((match.chunkID, match.score + boost * (coverage ?? 0), position))
            }
            boosted.sort { $0.score != $1.score ? $0.score > $1.score : $0.position < $1.position }
            return boosted.prefix(limit).compactMap { item in
                chunks[item.id].map { SearchHit(chunk: $0, score: item.score) }
            }
        case .default:
            // Every candidate of either ranking scored by both, weighed by the form of the query (HybridFusion).
            let lexicalIDs = Set(lexical.map(\.chunkID))
            let candidates = lexical.map(\.chunkID) + vector.map(\.chunkID).filter { !lexicalIDs.contains($0) }
            ranked = HybridFusion.fuse(
                candidates: candidates,
                lexical: Dictionary(scored.map { ($0.chunkID, $0.score) }, uniquingKeysWith: { first, _ in first }),
                dense: try base.similarities(
                    to: queryVector, chunkIDs: candidates,
                    ownSimilarities: memoryStore?.similarities(of: candidates, to: queryVector)
                ).compactMapValues(\.score),
                lexicalWeight: HybridFusion.lexicalWeight(for: query))
        case .rrf:
            ranked = ReciprocalRankFusion.fuse(
                [lexical.map(\.chunkID), vector.map(\.chunkID)], limit: lexical.count + vector.count)
        }
        // Only the chunks returned are read.
        let top = Array(ranked.prefix(limit))
        let chunks = try Self.chunksByID(top.map(\.id), in: base)
        return top.compactMap { item in chunks[item.id].map { SearchHit(chunk: $0, score: item.score) } }
    }

    private static func chunksByID(_ ids: [Int64], in base: isolated KnowledgeBase) throws -> [Int64: KnowledgeChunk] {
        Dictionary(try base.chunks(ids: ids).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: Helpers

    private static func adding(_ report: IndexReport, to total: IndexReport) -> IndexReport {
        var sum = total
        sum.files += report.files
        sum.indexed += report.indexed
        sum.unchanged += report.unchanged
        sum.moved += report.moved
        sum.removed += report.removed
        sum.chunks += report.chunks
        sum.skipped = sum.skipped + report.skipped
        sum.rootErrors += report.rootErrors
        return sum
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// Runs one operation at a time, in the order they were asked for.
final class IndexingQueue: Sendable {
    private let last = Mutex<Task<Void, Never>?>(nil)

    func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let (previous, gate) = last.withLock { last -> (Task<Void, Never>?, AsyncStream<Void>.Continuation) in
            let (stream, continuation) = AsyncStream<Void>.makeStream()
            let previous = last
            last = Task {
                for await _ in stream {}
            }
            return (previous, continuation)
        }
        defer { gate.finish() }
        await previous?.value
        return try await body()
    }
}
