import ArgumentParser
import KnowledgeAgent
import SparkJSON

/// `spark-lsp kb search [--top-k N] [--json] QUERY`.
struct KnowledgeSearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the knowledge base: hybrid (BM25 and vectors) when vectors exist, else BM25.",
        discussion: """
            With --json, one object per line in rank order: documentId, path (relative to its indexed root), \
            startLine and endLine (1-based, inclusive), heading, score, text.
            """)

    @OptionGroup var options: KnowledgeOptions

    @Option(name: .customLong("top-k"), help: "How many results (default 5).")
    var topK = 5

    @Flag(help: "Print one JSON object per result per line.")
    var json = false

    @Argument(help: "The question or words to search for.")
    var query: String

    func validate() throws {
        guard (1...1000).contains(topK) else { throw ValidationError("--top-k must be between 1 and 1000") }
        guard !query.trimmingCharacters(" \t\n").isEmpty else { throw ValidationError("the query is empty") }
    }

    func run() async throws {
        let setup = try KnowledgeSetup(options)
        let hits = try await KnowledgeSetup.failing { try await setup.index.search(query, limit: topK) }
        for (rank, hit) in hits.enumerated() {
            let chunk = hit.chunk
            if json {
                let object: JSONValue = [
                    "documentId": .string(String(chunk.documentID)), "path": .string(chunk.path),
                    "startLine": .int(chunk.startLine), "endLine": .int(chunk.endLine),
                    "heading": .string(chunk.headings.joined(separator: " › ")), "score": .double(hit.score),
                    "text": .string(chunk.text),
                ]
                StandardStream.output(object.serialized() + "\n")
            } else {
                let firstLine = chunk.text.split(separator: "\n").first.map(String.init) ?? ""
                StandardStream.output(
                    """
                    \(rank + 1). \(hit.citation.title)  \(chunk.path):\(chunk.startLine)-\(chunk.endLine)  \
                    [document \(chunk.documentID), score \(String(hit.score))]
                       \(firstLine.prefix(160))

                    """)
            }
        }
        if hits.isEmpty && !json { StandardStream.error("spark-lsp: nothing found\n") }
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(_ set: String) -> String {
        let characters = Set(set)
        return String(drop { characters.contains($0) }.reversed().drop { characters.contains($0) }.reversed())
    }
}
