/// The shipped hybrid ranking: every candidate of either ranking scored by both (its BM25 score, and its vectors'
/// similarity, `ChunkSimilarity.score`), each normalised to 0...1 over the candidates, then weighed together: a
/// convex combination, which keeps what rank fusion throws away (how far ahead a match is) and scores a candidate
/// that one ranking missed instead of counting it absent (Bruch, Gai and Ingber, "An Analysis of Fusion Functions
/// for Hybrid Retrieval", 2023).
///
/// The weight follows the form of the query: one that names a code symbol (`os.uptime`, `setRawMode`,
/// `max_length`, `refresh()`) asks for that symbol, and its exact words weigh most; one in plain words asks for a
/// meaning, and the vectors weigh most. docs/benchmarks/knowledge.md measures both against plain rank fusion.
public enum HybridFusion {
    /// The share of the lexical score for a query that names a code symbol.
    public static let symbolLexicalWeight = 0.7
    /// The share of the lexical score for a query in plain words.
    public static let wordsLexicalWeight = 0.3

    /// `candidates` (unique, in the order they were found) ranked by `lexicalWeight` times their normalised
    /// `lexical` score plus the rest times their normalised `dense` score, best first; a candidate missing from a
    /// score table scores that table's lowest. Ties keep the candidates' order.
    public static func fuse(
        candidates: [Int64], lexical: [Int64: Double], dense: [Int64: Double], lexicalWeight: Double
    ) -> [(id: Int64, score: Double)] {
        let lexicalScale = Scale(candidates.map { lexical[$0] ?? 0 })
        let denseScale = Scale(candidates.compactMap { dense[$0] })
        var scored: [(id: Int64, score: Double, position: Int)] = []
        for (position, id) in candidates.enumerated() {
            let lexicalPart = lexicalWeight * lexicalScale.normalised(lexical[id] ?? 0)
            let densePart = (1 - lexicalWeight) * denseScale.normalised(dense[id] ?? denseScale.lowest)
            scored.append((id, lexicalPart + densePart, position))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.position < $1.position }
        return scored.map { (id: $0.id, score: $0.score) }
    }

    /// The lexical weight for `query`.
    public static func lexicalWeight(for query: String) -> Double {
        QueryTerms.namesCodeSymbol(query) ? symbolLexicalWeight : wordsLexicalWeight
    }

    /// Min-max normalisation over a set of scores; all equal (or none) normalise to 0.
    struct Scale {
        let lowest: Double
        let highest: Double

        init(_ scores: [Double]) {
            lowest = scores.min() ?? 0
            highest = scores.max() ?? 0
        }

        func normalised(_ score: Double) -> Double {
            highest > lowest ? (score - lowest) / (highest - lowest) : 0
        }
    }
}
