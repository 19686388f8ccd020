import AgentCore
import KnowledgeAgent
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension RealVLLMTests {
    /// The knowledge base with all-MiniLM-L6-v2 on the real vLLM: every chunk and passage embedded, a section far
    /// over the model's 256 tokens included (vLLM cuts it: `truncate_prompt_tokens`), and a question that shares
    /// no word with its answer found by meaning.
    @Suite(.realEmbeddingModel) struct KnowledgeRealTests {
        @Test func indexesWithTheRealModelAndFindsASectionByMeaning() async throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "spark-kb-real-\(UUID().uuidString)"
            ).path
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let root = directory + "/docs"
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            let write = { (name: String, text: String) in
                try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + name))
            }
            try write(
                "kitchen.md",
                """
                # Bread

                Knead the dough for ten minutes, cover the bowl and leave it somewhere warm for an hour.

                # Soup

                Simmer the vegetables in stock until soft, then blend and season with salt and pepper.
                """)
            try write(
                "service.md",
                """
                # Operations

                ## Persisting diagnostics

                Every record the service emits is appended to `/var/log/service/events.jsonl`; rotation keeps
                seven days of history.

                ## Reference

                \(Array(repeating: "The request router matches `method` and `path` against `routes.yaml`, "
                    + "picks the handler, applies `timeout_ms`, `retry_budget` and `max_body_bytes`, and returns "
                    + "`503` with `Retry-After` when the queue holds more than `queue_limit` requests.", count: 12)
                    .joined(separator: "\n"))
                """)
            let embedder = HTTPTextEmbedder(
                client: RealVLLM.client(), model: RealEmbeddingModel.model, endpoint: RealEmbeddingModel.endpoint)
            let index = KnowledgeIndex(
                base: try KnowledgeBase(path: directory + "/data/knowledge.sqlite"), embedder: embedder,
                logger: RealVLLM.logger)
            let report = try await index.index(roots: [root])
            #expect(report.embeddingFailures == 0 && report.embeddingError == nil, "\(report.summary)")
            let statistics = try await index.base.statistics()
            #expect(statistics.vectors == statistics.chunks && statistics.chunks >= 4)

            let hits = try await index.search("Where do the program's event traces end up on disk?", limit: 3)
            #expect(hits.first?.chunk.headings.last == "Persisting diagnostics", "\(hits.map(\.chunk.headings))")
        }
    }
}
