import AgentCore
import SparkJSON

/// `search_knowledge_base(query, top_k)`: the passages that best answer a question, each with its citation.
public struct SearchKnowledgeBaseTool: TypedAgentTool {
    public struct Arguments: ToolArguments {
        public var query: String
        public var topK: Int?

        enum CodingKeys: String, CodingKey {
            case query
            case topK = "top_k"
        }

        public static let argumentDescriptions = [
            "query": "The question or the words to look for.",
            "top_k": "How many passages to return (default 5, at most 20).",
        ]
        public static let argumentConstraints: [String: JSONValue] = ["top_k": ["minimum": 1, "maximum": 20]]
    }

    public static let defaultResults = 5
    public static let largestResults = 20

    let index: KnowledgeIndex
    /// Indexed first when the knowledge base is still empty (a command-line chat before any `kb index`).
    let defaultRoots: [String]

    public var name: String { "search_knowledge_base" }

    public var description: String {
        """
        Search the knowledge base (the workspace's documents and code, and the documentation folders the user \
        added) for the passages that best answer a question. Each result has a document_id, the path and line \
        range to cite, the heading it lies under, a score and the passage's text.
        """
    }

    public func run(_ arguments: Arguments, context: ToolContext) async throws -> ToolResult {
        let query = arguments.query.trimmingCharacters(" \t\n")
        guard !query.isEmpty else { throw ArgumentsError(tool: name, "the query is empty") }
        let limit = min(max(arguments.topK ?? Self.defaultResults, 1), Self.largestResults)
        do {
            if try await index.base.statistics().documents == 0 { _ = try await index.index(roots: defaultRoots) }
            let hits = try await index.search(query, limit: limit)
            guard !hits.isEmpty else {
                return ToolResult(
                    "Nothing in the knowledge base matches \"\(query)\". Say so to the user rather than guessing.",
                    value: ["results": []])
            }
            var lines: [String] = []
            for (rank, hit) in hits.enumerated() {
                let citation = hit.citation
                lines.append(
                    "[\(rank + 1)] \(citation.reference) (document_id \(citation.documentID), heading: \(citation.headings.isEmpty ? "-" : citation.headings.joined(separator: " › ")), score \(Self.rounded(hit.score)))\n\(hit.chunk.text)"
                )
            }
            let values: [JSONValue] = hits.map { hit in
                [
                    "document_id": .string(String(hit.chunk.documentID)), "path": .string(hit.chunk.path),
                    "start_line": .int(hit.chunk.startLine), "end_line": .int(hit.chunk.endLine),
                    "heading": .string(hit.chunk.headings.joined(separator: " › ")), "score": .double(hit.score),
                ]
            }
            return ToolResult(
                lines.joined(separator: "\n\n"), value: ["results": .array(values)], citations: hits.map(\.citation))
        } catch let error as CancellationError {
            throw error
        } catch {
            return .error("the knowledge base cannot be searched: \(error)")
        }
    }

    static func rounded(_ value: Double) -> String {
        String(Double((value * 1000).rounded()) / 1000)
    }
}
