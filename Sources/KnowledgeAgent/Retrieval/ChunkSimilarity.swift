/// How near a query a chunk's vectors are: its own vector's cosine similarity and its best passage's.
public struct ChunkSimilarity: Sendable, Equatable {
    /// The chunk's own vector's similarity (the whole section), if stored.
    public var chunk: Double?
    /// The best similarity among the chunk's passages' vectors (a long chunk's closest paragraphs), if any.
    public var bestPassage: Double?

    public init(chunk: Double? = nil, bestPassage: Double? = nil) {
        self.chunk = chunk
        self.bestPassage = bestPassage
    }

    /// The score the ranking uses: the mean of the two when both exist, so the whole section and its closest
    /// passage both count. The best passage alone favours long chunks, whose many passages give the query more
    /// chances, and it lost to this on the pip guides of the retrieval benchmark (docs/benchmarks/knowledge.md).
    public var score: Double? {
        switch (chunk, bestPassage) {
        case let (chunk?, passage?): (chunk + passage) / 2
        case let (chunk?, nil): chunk
        case let (nil, passage?): passage
        case (nil, nil): nil
        }
    }
}
