import AgentCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The knowledge base's SQLite file (`<dataDir>/knowledge.sqlite`): roots, documents, chunks, the FTS5 index and
/// chunk vectors.
///
/// One connection per instance, used only from this actor, which runs on a thread of its own (a
/// `DatabaseExecutor`), so bulk writes never hold the cooperative pool. Several processes may share the file (WAL).
public actor KnowledgeBase {
    private let executor: DatabaseExecutor
    /// The connection; only this actor (and its extensions) uses it.
    let database: SQLiteDatabase
    /// The database file.
    public nonisolated let path: String

    /// How much of the file SQLite maps into memory for reading.
    static let memoryMapBytes = 1 << 32

    /// The file name inside the data directory.
    public static let fileName = "knowledge.sqlite"

    /// Opens (creating it and its directory when missing) the knowledge base at `path`.
    public init(path: String) throws {
        try DataDirectory(path: Self.parent(of: path)).create()
        let database = try SQLiteDatabase(path: path)
        try database.migrate(KnowledgeSchema.migrations)
        // Reads through a memory map instead of a read(2) per page: a hybrid search reads its candidates' vectors
        // (a row and its overflow pages each), about 650 page reads a query at 100,000 chunks. Address space only;
        // the file's pages stay in the page cache either way.
        try database.execute("PRAGMA mmap_size = \(Self.memoryMapBytes)")
        self.database = database
        self.path = path
        self.executor = DatabaseExecutor()
    }

    /// Opens the knowledge base of a data directory.
    public init(directory: DataDirectory) throws {
        try self.init(path: directory.file(Self.fileName))
    }

    deinit { executor.shutdown() }

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    // MARK: Roots and documents

    /// The id of the root at `path`, added when new.
    func rootID(_ path: String) throws -> Int64 {
        try database.run("INSERT INTO roots (path) VALUES (?1) ON CONFLICT (path) DO NOTHING", .text(path))
        return Int64(try database.query("SELECT id FROM roots WHERE path = ?1", .text(path)).first?.int(0) ?? 0)
    }

    /// The indexed roots.
    public func roots() throws -> [String] {
        try database.query("SELECT path FROM roots ORDER BY path").map { try $0.string(0) }
    }

    /// The documents under the root at `root`, by relative path.
    package func documents(inRoot root: String) throws -> [String: IndexedDocument] {
        let rows = try database.query(
            "SELECT \(Self.documentColumns) FROM documents d JOIN roots r ON r.id = d.root_id WHERE r.path = ?1",
            .text(root))
        var result: [String: IndexedDocument] = [:]
        for row in rows {
            let document = try Self.document(row)
            result[document.path] = document
        }
        return result
    }

    /// The document with `id`, if stored.
    public func document(id: Int64) throws -> IndexedDocument? {
        try database.query(
            "SELECT \(Self.documentColumns) FROM documents d JOIN roots r ON r.id = d.root_id WHERE d.id = ?1",
            .integer(id)
        ).first.map(Self.document)
    }

    // MARK: Chunks and search

    /// The chunks of the document `id`, in order.
    public func chunks(document id: Int64) throws -> [KnowledgeChunk] {
        try database.query(
            "SELECT \(Self.chunkColumns) FROM \(Self.chunkJoin) WHERE c.document_id = ?1 ORDER BY c.ordinal",
            .integer(id)
        ).map(Self.chunk)
    }

    /// The chunks with these ids, in the order given (ids not stored are left out).
    public func chunks(ids: [Int64]) throws -> [KnowledgeChunk] {
        guard !ids.isEmpty else { return [] }
        let list = ids.map(String.init).joined(separator: ",")
        let found = try database.query("SELECT \(Self.chunkColumns) FROM \(Self.chunkJoin) WHERE c.id IN (\(list))")
            .map(Self.chunk)
        let byID = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byID[$0] }
    }

    /// The chunks matching the FTS5 query `match`, best first by BM25 (path and headings weigh more than text),
    /// with the BM25 score negated (higher is better).
    public func lexicalSearch(_ match: String, limit: Int) throws -> [(chunkID: Int64, score: Double)] {
        guard !match.isEmpty else { return [] }
        return try database.query(
            """
            SELECT rowid, bm25(chunks_fts, \(Self.pathWeight), \(Self.headingWeight), 1.0) AS rank FROM chunks_fts
            WHERE chunks_fts MATCH ?1 ORDER BY rank LIMIT ?2
            """, .text(match), .integer(Int64(limit))
        ).map { (Int64(try $0.int(0)), -(try $0.double(1))) }
    }

    static let pathWeight = 2.0
    static let headingWeight = 3.0

    // MARK: Vectors

    /// The embedder the stored vectors come from, if any.
    public func embedderIdentity() throws -> String? {
        try database.query("SELECT value FROM settings WHERE key = 'embedder'").first?[0].stringValue
    }

    /// Whether the stored vectors come from the embedder `identity` names: the same identity, or one recorded
    /// before the identity left out the endpoint (`model@http://...`).
    public func vectorsFit(_ identity: String) throws -> Bool {
        Self.sameModel(recorded: try embedderIdentity(), identity: identity)
    }

    static func sameModel(recorded: String?, identity: String) -> Bool {
        recorded == identity || recorded?.hasPrefix(identity + "@http") == true
    }

    /// The vector the embedder gave `EmbedderFingerprint.probe` when the vectors were made, if recorded.
    func embedderFingerprint() throws -> [Float]? {
        try database.query("SELECT value FROM settings WHERE key = 'embedder_fingerprint'").first?[0].stringValue
            .map(EmbedderFingerprint.decoded)
    }

    /// Records `identity` (and, when given, `fingerprint`: its vector of `EmbedderFingerprint.probe`) as the
    /// embedder of the vectors. When the model differs from the one recorded, or the same model name now gives
    /// another fingerprint (another model served under that name), every stored vector is dropped: vectors of two
    /// models never mix. The endpoint is not part of it: a server moved to another port keeps its vectors.
    /// Returns whether vectors were dropped.
    @discardableResult
    public func useEmbedder(_ identity: String, fingerprint: [Float]? = nil) throws -> Bool {
        try database.transaction {
            let current = try embedderIdentity()
            let recordedFingerprint = try embedderFingerprint()
            let same =
                Self.sameModel(recorded: current, identity: identity)
                && EmbedderFingerprint.agree(recordedFingerprint, fingerprint)
            if !same { try database.execute("DELETE FROM chunk_vectors; DELETE FROM passage_vectors;") }
            try database.run(
                "INSERT INTO settings (key, value) VALUES ('embedder', ?1) ON CONFLICT (key) DO UPDATE SET value = ?1",
                .text(identity))
            if let fingerprint, !same || recordedFingerprint == nil {
                try database.run(
                    """
                    INSERT INTO settings (key, value) VALUES ('embedder_fingerprint', ?1)
                    ON CONFLICT (key) DO UPDATE SET value = ?1
                    """, .text(EmbedderFingerprint.encoded(fingerprint)))
            } else if !same {
                try database.run("DELETE FROM settings WHERE key = 'embedder_fingerprint'")
            }
            return !same && current != nil
        }
    }

    /// Records `identity` as the embedder, without a fingerprint, as an index made before fingerprints did (the
    /// tests of that migration).
    package func recordEmbedderWithoutFingerprint(_ identity: String) throws {
        try database.run("UPDATE settings SET value = ?1 WHERE key = 'embedder'", .text(identity))
        try database.run("DELETE FROM settings WHERE key = 'embedder_fingerprint'")
    }

    /// Up to `limit` chunks that have no vector yet, after `afterID`, by id.
    func chunksWithoutVectors(after afterID: Int64, limit: Int) throws -> [KnowledgeChunk] {
        try database.query(
            """
            SELECT \(Self.chunkColumns) FROM \(Self.chunkJoin)
            WHERE c.id > ?1 AND NOT EXISTS (SELECT 1 FROM chunk_vectors v WHERE v.chunk_id = c.id)
            ORDER BY c.id LIMIT ?2
            """, .integer(afterID), .integer(Int64(limit))
        ).map(Self.chunk)
    }

    /// Stores `vectors` and `passages` (replacing any for the same chunks); vectors of chunks no longer stored are
    /// ignored.
    public func storeVectors(_ vectors: [ChunkVector], passages: [PassageVector] = []) throws {
        try database.transaction {
            let insert = try database.prepare(
                """
                INSERT INTO chunk_vectors (chunk_id, vector) SELECT ?1, ?2 WHERE EXISTS (SELECT 1 FROM chunks WHERE id = ?1)
                ON CONFLICT (chunk_id) DO UPDATE SET vector = excluded.vector
                """)
            for vector in vectors {
                try insert.run([.integer(vector.chunkID), .blob(VectorBlob.bytes(of: vector.vector))])
            }
            let insertPassages = try database.prepare(
                """
                INSERT INTO passage_vectors (chunk_id, vectors)
                SELECT ?1, ?2 WHERE EXISTS (SELECT 1 FROM chunks WHERE id = ?1)
                ON CONFLICT (chunk_id) DO UPDATE SET vectors = excluded.vectors
                """)
            for (chunkID, vectors) in Dictionary(grouping: passages, by: \.chunkID) {
                let ordered = vectors.sorted { $0.passage < $1.passage }
                try insertPassages.run([.integer(chunkID), .blob(VectorBlob.bytes(of: ordered.flatMap(\.vector)))])
            }
        }
    }

    /// The cosine similarities to `query` (unit length) of these chunks' stored vectors: each chunk's own and its
    /// best passage's; chunks without a vector are left out. `ownSimilarities`, when given, are the chunks' own
    /// (the in-memory store has them): then only the passages are read.
    public func similarities(
        to query: [Float], chunkIDs: [Int64], ownSimilarities: [Int64: Double]? = nil
    ) throws -> [Int64: ChunkSimilarity] {
        guard !chunkIDs.isEmpty else { return [:] }
        let list = chunkIDs.map(String.init).joined(separator: ",")
        var result: [Int64: ChunkSimilarity] = [:]
        let statement: SQLiteStatement
        if let ownSimilarities {
            for id in chunkIDs { if let own = ownSimilarities[id] { result[id] = ChunkSimilarity(chunk: own) } }
            statement = try database.prepare(
                "SELECT chunk_id, NULL, vectors FROM passage_vectors WHERE chunk_id IN (\(list))")
        } else {
            statement = try database.prepare(
                """
                SELECT c.chunk_id, c.vector, p.vectors FROM chunk_vectors c
                LEFT JOIN passage_vectors p ON p.chunk_id = c.chunk_id WHERE c.chunk_id IN (\(list))
                """)
        }
        try statement.bind([])
        var buffer: [Float] = []
        func dot(_ vector: ArraySlice<Float>) -> Double {
            var sum: Float = 0
            for (value, weight) in zip(vector, query) { sum += value * weight }
            return Double(sum)
        }
        while try statement.step() {
            let row = statement.row()
            let chunkID = Int64(try row.int(0))
            var similarity: ChunkSimilarity
            if ownSimilarities != nil {
                guard let own = result[chunkID] else { continue }
                similarity = own
            } else {
                guard case .blob(let bytes) = row[1] else { continue }
                VectorBlob.decode(bytes, into: &buffer)
                guard buffer.count == query.count else { continue }
                similarity = ChunkSimilarity(chunk: dot(buffer[...]))
            }
            if case .blob(let passages) = row[2] {
                VectorBlob.decode(passages, into: &buffer)
                for start in stride(from: 0, to: buffer.count - query.count + 1, by: query.count) {
                    let passage = dot(buffer[start..<start + query.count])
                    similarity.bestPassage = max(similarity.bestPassage ?? -.infinity, passage)
                }
            }
            result[chunkID] = similarity
        }
        return result
    }

    /// Loads every stored vector into `store`, row by row: each blob is decoded into one reused buffer and copied
    /// into the store's contiguous buffers (sized once from the row count), so loading holds no array per chunk.
    public func loadVectors(into store: MemoryVectorStore) throws {
        store.reserveCapacity(try database.query("SELECT count(*) FROM chunk_vectors").first?.int(0) ?? 0)
        let statement = try database.prepare("SELECT chunk_id, vector FROM chunk_vectors ORDER BY chunk_id")
        try statement.bind([])
        var buffer: [Float] = []
        while try statement.step() {
            let row = statement.row()
            guard case .blob(let bytes) = row[1] else { continue }
            let chunkID = Int64(try row.int(0))
            VectorBlob.decode(bytes, into: &buffer)
            buffer.withUnsafeBufferPointer { store.upsert(chunkID: chunkID, vector: $0) }
        }
    }

    /// Every stored vector, one array each (the benchmark's plain scan reads them; the index loads with
    /// `loadVectors(into:)`).
    public func vectors() throws -> [ChunkVector] {
        let statement = try database.prepare("SELECT chunk_id, vector FROM chunk_vectors ORDER BY chunk_id")
        try statement.bind([])
        var result: [ChunkVector] = []
        while try statement.step() {
            let row = statement.row()
            result.append(ChunkVector(chunkID: Int64(try row.int(0)), vector: VectorBlob.floats(of: row[1].blobValue ?? [])))
        }
        return result
    }

    // MARK: Statistics and reset

    /// How much the knowledge base holds.
    public func statistics() throws -> KnowledgeStatistics {
        func count(_ table: String) throws -> Int { try database.query("SELECT count(*) FROM \(table)").first?.int(0) ?? 0 }
        return KnowledgeStatistics(
            roots: try roots(), documents: try count("documents"), chunks: try count("chunks"),
            vectors: try count("chunk_vectors"), embedder: try embedderIdentity())
    }

    /// Removes everything: roots, documents, chunks, vectors, the embedder identity.
    public func reset() throws {
        try database.transaction {
            try database.execute(
                "DELETE FROM passage_vectors; DELETE FROM chunk_vectors; DELETE FROM chunks; DELETE FROM documents; DELETE FROM roots; DELETE FROM settings;")
            try database.execute("INSERT INTO chunks_fts (chunks_fts) VALUES ('rebuild')")
        }
        try database.execute("VACUUM")
    }

    // MARK: Rows

    private static let documentColumns =
        "d.id, r.path, d.path, d.kind, d.size, d.modified_ns, d.hash, d.line_count, d.chunking"
    private static let chunkColumns = "c.id, c.document_id, r.path, c.path, c.heading, c.start_line, c.end_line, c.text"
    private static let chunkJoin = "chunks c JOIN documents d ON d.id = c.document_id JOIN roots r ON r.id = d.root_id"

    private static func document(_ row: SQLiteRow) throws -> IndexedDocument {
        IndexedDocument(
            id: Int64(try row.int(0)), root: try row.string(1), path: try row.string(2), kind: try row.string(3),
            size: try row.int(4), modifiedNanoseconds: Int64(try row.int(5)), hash: try row.string(6),
            lineCount: try row.int(7), chunking: try row.string(8))
    }

    private static func chunk(_ row: SQLiteRow) throws -> KnowledgeChunk {
        let heading = try row.string(4)
        return KnowledgeChunk(
            id: Int64(try row.int(0)), documentID: Int64(try row.int(1)), root: try row.string(2), path: try row.string(3),
            headings: heading.isEmpty ? [] : heading.split(separator: KnowledgeChunk.headingSeparator).map(String.init),
            startLine: try row.int(5), endLine: try row.int(6), text: try row.string(7))
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
