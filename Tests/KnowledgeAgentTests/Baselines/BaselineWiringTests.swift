import AgentCore
import KnowledgeAgent
import SparkTestSupport
import Testing

/// The benchmark baselines reach the index: a baseline that is ignored fails here.
@Suite struct BaselineWiringTests {
    @Test func lineWindowChunkingIgnoresHeadings() async throws {
        let fixture = try KnowledgeFixture()
        defer { fixture.cleanUp() }
        try fixture.writeLoggingDocs()
        let index = try fixture.index(baseline: BenchmarkBaseline(chunking: .lines(5)))
        _ = try await index.index(roots: [fixture.root])
        let logging = try await index.search("logging handler configure", limit: 20).filter {
            $0.chunk.path == "logging.md"
        }
        // logging.md has 16 lines: windows 1-5, 6-10, 11-15, 16-16, none with a heading trail.
        #expect(
            Set(logging.map { $0.chunk.startLine...$0.chunk.endLine }).isSubset(of: [1...5, 6...10, 11...15, 16...16]))
        #expect(logging.count >= 3)
        #expect(logging.allSatisfy { $0.chunk.headings.isEmpty })
        let handlers = try #require(logging.first { $0.chunk.text.contains("addHandler") })
        #expect(handlers.chunk.startLine == 11 && handlers.chunk.text.hasPrefix("A handler sends records"))
    }

    @Test func lineWindowsAreEmbeddedAsTheirTextAlone() async throws {
        let fixture = try KnowledgeFixture()
        defer { fixture.cleanUp() }
        // A heading and five lines of 150 characters: windows of 5 lines and of 1, the first longer than a passage.
        let lines = (1...5).map { "Line \($0) of the guide " + String(repeating: "words ", count: 21) }
        try fixture.write("guide.md", "# Guide\n" + lines.joined(separator: "\n"))
        let server = try BagOfWords.server()
        let windows = try fixture.index(
            embedder: BagOfWords.embedder(server), baseline: BenchmarkBaseline(chunking: .lines(5)))
        _ = try await windows.index(roots: [fixture.root])
        #expect(BagOfWords.embeddedTexts(server) == ["# Guide\n" + lines.prefix(4).joined(separator: "\n"), lines[4]])

        // The shipped chunking embeds the section under its title line, and its passages besides.
        let shipped = try KnowledgeFixture()
        defer { shipped.cleanUp() }
        try shipped.write("guide.md", "# Guide\n" + lines.joined(separator: "\n"))
        server.forgetRequests()
        _ = try await shipped.index(embedder: BagOfWords.embedder(server)).index(roots: [shipped.root])
        let embedded = BagOfWords.embeddedTexts(server)
        #expect(embedded.count > 1 && embedded.allSatisfy { $0.hasPrefix("guide.md") })
    }

    @Test func rankingBaselinesDropTheBoostAndTheVectors() async throws {
        let fixture = try KnowledgeFixture()
        defer { fixture.cleanUp() }
        try fixture.writeLoggingDocs()
        let server = try BagOfWords.server()
        let embedder = BagOfWords.embedder(server)
        _ = try await fixture.index(embedder: embedder).index(roots: [fixture.root])
        let query = "logging handler"

        // Lexical: exactly BM25's order and scores, and no query embedded.
        server.forgetRequests()
        let lexicalIndex = try fixture.index(embedder: embedder, baseline: BenchmarkBaseline(ranking: .lexical))
        let lexical = try await lexicalIndex.search(query, limit: 10)
        let bm25 = try await lexicalIndex.base.lexicalSearch("\"logging\" OR \"handler\"", limit: 10)
        #expect(!bm25.isEmpty)
        #expect(lexical.map(\.chunk.id) == bm25.map(\.chunkID))
        #expect(lexical.map(\.score) == bm25.map(\.score))
        #expect(server.requests.isEmpty, "the lexical baseline embedded the query")

        // Plain fusion: every score is a sum of 1 / (60 + rank) over one or two lists, nothing added.
        let rrf = try await fixture.index(embedder: embedder, baseline: BenchmarkBaseline(ranking: .rrf)).search(
            query, limit: 10)
        #expect(server.requests.count == 1)
        let reciprocal: [Double] = (1...50).map { (rank: Int) -> Double in 1 / (60 + Double(rank)) }
        var fusionScores: [Double] = reciprocal
        for first in reciprocal {
            for second in reciprocal { fusionScores.append(first + second) }
        }
        #expect(!rrf.isEmpty)
        #expect(rrf.allSatisfy { hit in fusionScores.contains { abs($0 - hit.score) < 1e-12 } }, "\(rrf.map(\.score))")
        #expect(rrf.contains { $0.chunk.path != "logging.md" }, "the vectors bring chunks without either word")

        // The shipped hybrid ranking weighs normalised scores (HybridFusion): for a query in plain words every
        // score lies in 0...1 and the best is at least the vectors' share, 0.7 (the nearest candidate scores 1
        // there); none is a rank fusion's.
        let shipped = try await fixture.index(embedder: embedder).search(query, limit: 10)
        #expect(server.requests.count == 2)
        #expect(shipped.allSatisfy { (0...1).contains($0.score) } && shipped.first!.score > 0.7 - 1e-12)
        #expect(!shipped.contains { hit in fusionScores.contains { abs($0 - hit.score) < 1e-12 } })

        // Without vectors the shipped ranking is BM25 with the heading boost; rrf is still a fusion (of one list).
        let lexicalOnly = try await fixture.index(baseline: BenchmarkBaseline(ranking: .rrf)).search(query, limit: 10)
        #expect(lexicalOnly.map(\.score) == Array(reciprocal.prefix(lexicalOnly.count)))
        #expect(try await fixture.index().search(query, limit: 10).map(\.score) != lexicalOnly.map(\.score))
    }
}
