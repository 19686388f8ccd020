import AgentCore
import KnowledgeAgent
import SparkJSON
import SparkTestSupport
import Synchronization
import Testing

/// Embeddings the scripted server computes: a bag of hashed words, so texts that share words are near.
enum BagOfWords {
    static let dimension = 64

    static func vector(_ text: String) -> [Double] {
        var values = [Double](repeating: 0, count: dimension)
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) where word.count > 2 {
            var hash: UInt64 = 1469598103934665603
            for byte in word.prefix(5).utf8 { hash = (hash ^ UInt64(byte)) &* 1099511628211 }
            values[Int(hash % UInt64(dimension))] += 1
        }
        return values
    }

    /// A scripted server serving these embeddings (`serve`).
    static func server(reversed: Bool = false) throws -> ScriptedModelServer {
        let server = try ScriptedModelServer()
        serve(server, reversed: reversed)
        return server
    }

    /// The texts `server` was asked to embed, in order, the fingerprint's probe left out.
    static func embeddedTexts(_ server: ScriptedModelServer) -> [String] {
        server.requests.filter { $0.path == "/v1/embeddings" }.flatMap {
            $0.body?["input"]?.arrayValue?.compactMap(\.stringValue) ?? []
        }.filter { $0 != EmbedderFingerprint.probe }
    }

    /// The embedder of the model a test's server serves ("embedder").
    static func embedder(_ server: ScriptedModelServer) -> HTTPTextEmbedder {
        HTTPTextEmbedder(client: HTTPModelClient(logger: .silent), model: "embedder", endpoint: server.endpoint)
    }

    /// Serves embeddings from the request's inputs; `failing` answers every embeddings request with that status;
    /// `reversed` serves another model (each vector's components in reverse order) under the same name.
    static func serve(_ server: ScriptedModelServer, failing status: Int? = nil, reversed: Bool = false) {
        server.respond { request in
            guard request.path == "/v1/embeddings" else { return nil }
            if let status { return .error(status: status, message: "input rejected") }
            let inputs = request.body?["input"]?.arrayValue ?? []
            let data: [JSONValue] = inputs.enumerated().map { index, input in
                let values = vector(input.stringValue ?? "")
                return ["index": .int(index), "embedding": .array((reversed ? values.reversed() : values).map { .double($0) })]
            }
            return .json(["object": "list", "data": .array(data)])
        }
    }
}

/// A vector store in memory that counts how often it is asked its count.
final class CountedStore: VectorStore {
    let store = MemoryVectorStore()
    let counts = Mutex(0)

    func upsert(_ vectors: [ChunkVector]) async throws { try await store.upsert(vectors) }
    func remove(chunkIDs: [Int64]) async throws { try await store.remove(chunkIDs: chunkIDs) }
    func nearest(to query: [Float], limit: Int) async throws -> [VectorMatch] {
        try await store.nearest(to: query, limit: limit)
    }
    func count() async throws -> Int {
        counts.withLock { $0 += 1 }
        return try await store.count()
    }
}

@Suite struct RankingTests {
    @Test func lexicalSearchPrefersTheSectionTitledAfterTheQuestion() async throws {
        let fixture = try KnowledgeFixture()
        defer { fixture.cleanUp() }
        try fixture.writeLoggingDocs()
        let index = try fixture.index()
        _ = try await index.index(roots: [fixture.root])
        let hits = try await index.search("How do I add a logging handler?", limit: 5)
        let top = try #require(hits.first)
        #expect(top.chunk.path == "logging.md")
        #expect(top.chunk.headings == ["Logging", "Configuration", "Handlers"])
        // The short introductions above `Handlers` open its chunk.
        #expect(top.chunk.startLine == 1 && top.chunk.endLine == 12)
        #expect(hits.map(\.score) == hits.map(\.score).sorted(by: >))
        let citation = top.citation
        #expect(citation.title == "logging.md › Logging › Configuration › Handlers")
        #expect(citation.uri == "file://" + fixture.root + "/logging.md")
        // Operators and quotes in a query are words, not FTS5 syntax.
        #expect(try await index.search("\"unbalanced AND (", limit: 3).isEmpty)
        #expect(try await index.search("?!", limit: 3).isEmpty)
    }

    @Test func hybridSearchFusesVectorsFromTheEmbeddingServer() async throws {
        let fixture = try KnowledgeFixture()
        defer { fixture.cleanUp() }
        try fixture.writeLoggingDocs()
        let server = try BagOfWords.server()
        let embedder = BagOfWords.embedder(server)
        let index = try fixture.index(embedder: embedder)
        let report = try await index.index(roots: [fixture.root])
        #expect(report.embedded == report.chunks && report.embeddingFailures == 0)
        let statistics = try await index.base.statistics()
        #expect(statistics.vectors == statistics.chunks)
        #expect(statistics.embedder == "embedder")
        // "evicting" shares no word with the text, but its five-letter prefix with "evict".
        let hits = try await index.search("evicting", limit: 3)
        #expect(hits.first?.chunk.path == "Sources/Cache.swift")

        // A fresh index over the same file loads the stored vectors instead of embedding again.
        let reopened = try fixture.index(embedder: embedder)
        let again = try await reopened.index(roots: [fixture.root])
        #expect(again.embedded == 0)
        #expect(try await reopened.search("evicting", limit: 1).first?.chunk.path == "Sources/Cache.swift")
    }

    /// The vectors belong to the model, not to its address: the same model served elsewhere keeps them (an index
    /// made with an identity that still named the endpoint too), another model under the same name replaces them.
    @Test func vectorsFollowTheModelNotItsAddress() async throws {
        let fixture = try KnowledgeFixture()
        defer { fixture.cleanUp() }
        try fixture.writeLoggingDocs()
        let first = try BagOfWords.server()
        let made = try await fixture.index(embedder: BagOfWords.embedder(first)).index(roots: [fixture.root])
        #expect(made.embedded == made.chunks && made.chunks > 0)
        // An index from before: the identity named the endpoint, and no fingerprint was recorded.
        let base = try KnowledgeBase(path: fixture.dataDirectory + "/knowledge.sqlite")
        try await base.recordEmbedderWithoutFingerprint("embedder@\(first.endpoint.baseURL)")

        let moved = try BagOfWords.server()
        let index = try fixture.index(embedder: BagOfWords.embedder(moved))
        // Searching before indexing already uses the vectors: "evicting" shares only a prefix with the code.
        #expect(try await index.search("evicting", limit: 1).first?.chunk.path == "Sources/Cache.swift")
        let again = try await index.index(roots: [fixture.root])
        #expect(again.embedded == 0)
        #expect(try await index.base.statistics().embedder == "embedder")

        let other = try BagOfWords.server(reversed: true)
        let replacing = try fixture.index(embedder: BagOfWords.embedder(other))
        let replaced = try await replacing.index(roots: [fixture.root])
        let vectors = try await replacing.base.statistics().vectors
        #expect(replaced.embedded == made.chunks && vectors == made.chunks)
    }

    /// A vector store that holds fewer vectors than SQLite's copies (a Milvus collection emptied, new, or switched
    /// on later) is filled from those copies at the next indexing, without asking the model again.
    @Test func anEmptiedVectorStoreIsFilledFromTheStoredCopies() async throws {
        let fixture = try KnowledgeFixture()
        defer { fixture.cleanUp() }
        try fixture.writeLoggingDocs()
        let server = try BagOfWords.server()
        let embedder = BagOfWords.embedder(server)
        let made = try await fixture.index(embedder: embedder).index(roots: [fixture.root])
        #expect(made.embedded == made.chunks && made.chunks > 0)

        let emptied = CountedStore()
        let index = KnowledgeIndex(
            base: try KnowledgeBase(path: fixture.dataDirectory + "/knowledge.sqlite"), embedder: embedder,
            vectorStore: emptied, logger: .silent)
        server.forgetRequests()
        let again = try await index.index(roots: [fixture.root])
        #expect(again.embedded == 0)
        #expect(try await emptied.count() == made.chunks)
        // Only the fingerprint's probe reached the model. Both checks run once for this index (a language server
        // indexes at every save): the next indexing neither asks the model nor counts the store.
        #expect(server.requests.count == 1)
        server.forgetRequests()
        let counted = emptied.counts.withLock { $0 }
        _ = try await index.index(roots: [fixture.root])
        #expect(server.requests.isEmpty)
        #expect(emptied.counts.withLock { $0 } == counted)
        #expect(try await index.search("evicting", limit: 1).first?.chunk.path == "Sources/Cache.swift")
    }

    @Test func anEmbeddingServerThatIsDownOrRefusesLeavesTheIndexLexicalAndSaysSo() async throws {
        for failure in ["down", "400"] {
            let fixture = try KnowledgeFixture()
            defer { fixture.cleanUp() }
            try fixture.writeLoggingDocs()
            let endpoint: ModelEndpoint
            let server = try ScriptedModelServer()
            if failure == "down" {
                endpoint = try ScriptedModelServer.refusingEndpoint()
            } else {
                BagOfWords.serve(server, failing: 400)
                endpoint = server.endpoint
            }
            let embedder = HTTPTextEmbedder(
                client: HTTPModelClient(logger: .silent), model: "embedder", endpoint: endpoint, retries: 0)
            let index = try fixture.index(embedder: embedder)
            let report = try await index.index(roots: [fixture.root])
            #expect(report.indexed == 3)
            #expect(report.embeddingFailures == report.chunks, "\(failure): \(report.summary)")
            #expect(report.summary.contains("not embedded"))
            #expect(try await index.search("handler", limit: 1).first?.chunk.path == "logging.md")
        }
    }
}

/// Passage vectors: stored with their chunk, read to score it with its best passage, gone with it.
@Suite struct PassageVectorTests {
    @Test func aChunkScoresItsOwnVectorAndItsBestPassageAndLosesItsPassagesWithIt() async throws {
        let fixture = try KnowledgeFixture()
        defer { fixture.cleanUp() }
        try fixture.writeLoggingDocs()
        let index = try fixture.index()
        _ = try await index.index(roots: [fixture.root])
        let base = index.base
        let chunks = try await base.lexicalSearch("\"handler\" OR \"levels\"", limit: 2).map(\.chunkID)
        try #require(chunks.count == 2)
        try await base.storeVectors(
            [ChunkVector(chunkID: chunks[0], vector: [1, 0, 0]), ChunkVector(chunkID: chunks[1], vector: [0, 1, 0])],
            passages: [
                PassageVector(chunkID: chunks[0], passage: 0, vector: [0, 0.6, 0.8]),
                PassageVector(chunkID: chunks[0], passage: 1, vector: [0, 0, 1]),
                PassageVector(chunkID: 999_999, passage: 0, vector: [0, 0, 1]),
            ])
        let similarities = try await base.similarities(to: [0, 0, 1], chunkIDs: chunks + [999_999])
        #expect(similarities == [chunks[0]: ChunkSimilarity(chunk: 0, bestPassage: 1), chunks[1]: ChunkSimilarity(chunk: 0)])
        #expect(similarities[chunks[0]]?.score == 0.5 && similarities[chunks[1]]?.score == 0)
        #expect(ChunkSimilarity(bestPassage: 0.25).score == 0.25 && ChunkSimilarity().score == nil)

        // With the vectors in memory, the chunks' own similarities come from the store and only passages are read:
        // the same result, and a chunk the store lacks is left out as one without a vector is.
        let store = MemoryVectorStore()
        try await base.loadVectors(into: store)
        let own = store.similarities(of: chunks + [999_999], to: [0, 0, 1])
        #expect(own == [chunks[0]: 0, chunks[1]: 0])
        #expect(try await base.similarities(to: [0, 0, 1], chunkIDs: chunks + [999_999], ownSimilarities: own) == similarities)
        #expect(
            try await base.similarities(to: [0, 0, 1], chunkIDs: chunks, ownSimilarities: [chunks[1]: 0.5])
                == [chunks[1]: ChunkSimilarity(chunk: 0.5)])

        // Re-indexing the changed file drops its old chunks, and their passages with them.
        try fixture.write("logging.md", "# Logging\n\nNothing about handlers any more.\n")
        _ = try await index.index(roots: [fixture.root])
        #expect(try await base.similarities(to: [0, 0, 1], chunkIDs: chunks).isEmpty)
    }

    @Test func longChunksAreEmbeddedWithTheirPassages() async throws {
        let fixture = try KnowledgeFixture()
        defer { fixture.cleanUp() }
        let paragraphs = (1...10).map { "Paragraph \($0) about the retry policy, what it waits and when it stops trying." }
        try fixture.write("retries.md", "# Retries\n\n" + paragraphs.joined(separator: "\n\n") + "\n")
        let server = try BagOfWords.server()
        let embedder = BagOfWords.embedder(server)
        let index = try fixture.index(embedder: embedder)
        let report = try await index.index(roots: [fixture.root])
        #expect(report.chunks == 1 && report.embedded == 1)
        let inputs = BagOfWords.embeddedTexts(server)
        // The chunk, then its passages: each under the title line, together all ten paragraphs.
        let passages = inputs.dropFirst()
        #expect(inputs.count >= 3 && passages.allSatisfy { $0.hasPrefix("retries.md › Retries\n") })
        #expect(passages.joined().components(separatedBy: "Paragraph ").count - 1 == 10)
        let chunk = try #require(try await index.base.lexicalSearch("\"retry\"", limit: 1).first?.chunkID)
        let similarity = try await index.base.similarities(to: [Float](repeating: 0.125, count: 64), chunkIDs: [chunk])
        #expect(similarity[chunk]?.chunk != nil && similarity[chunk]?.bestPassage != nil)
    }
}
