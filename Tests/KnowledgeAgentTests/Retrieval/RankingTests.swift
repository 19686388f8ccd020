import AgentCore
import KnowledgeAgent
import SparkJSON
import SparkTestSupport
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

    /// Serves embeddings from the request's inputs; `failing` answers every embeddings request with that status.
    static func serve(_ server: ScriptedModelServer, failing status: Int? = nil) {
        server.respond { request in
            guard request.path == "/v1/embeddings" else { return nil }
            if let status { return .error(status: status, message: "input rejected") }
            let inputs = request.body?["input"]?.arrayValue ?? []
            let data: [JSONValue] = inputs.enumerated().map { index, input in
                ["index": .int(index), "embedding": .array(vector(input.stringValue ?? "").map { .double($0) })]
            }
            return .json(["object": "list", "data": .array(data)])
        }
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
        let server = try ScriptedModelServer()
        BagOfWords.serve(server)
        let embedder = HTTPTextEmbedder(
            client: HTTPModelClient(logger: .silent), model: "embedder", endpoint: server.endpoint)
        let index = try fixture.index(embedder: embedder)
        let report = try await index.index(roots: [fixture.root])
        #expect(report.embedded == report.chunks && report.embeddingFailures == 0)
        let statistics = try await index.base.statistics()
        #expect(statistics.vectors == statistics.chunks)
        #expect(statistics.embedder == "embedder@\(server.endpoint.baseURL)")
        // "evicting" shares no word with the text, but its five-letter prefix with "evict".
        let hits = try await index.search("evicting", limit: 3)
        #expect(hits.first?.chunk.path == "Sources/Cache.swift")

        // A fresh index over the same file loads the stored vectors instead of embedding again.
        let reopened = try fixture.index(embedder: embedder)
        let again = try await reopened.index(roots: [fixture.root])
        #expect(again.embedded == 0)
        #expect(try await reopened.search("evicting", limit: 1).first?.chunk.path == "Sources/Cache.swift")
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
