import AgentCore

/// One search result: a chunk and its score (higher is better; comparable within one search).
public struct SearchHit: Hashable, Sendable {
    public var chunk: KnowledgeChunk
    public var score: Double

    /// The citation of the hit.
    public var citation: Citation {
        Citation(
            documentID: String(chunk.documentID), root: chunk.root, path: chunk.path, startLine: chunk.startLine,
            endLine: chunk.endLine, headings: chunk.headings, score: score, snippet: chunk.text)
    }
}
