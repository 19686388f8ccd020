/// Plain reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): each item scores the sum of
/// `1 / (k + rank)` over the rankings it appears in. The `rrf` baseline of the retrieval benchmark
/// (`SPARK_KB_RANKING=rrf`): no weights, no re-ranking.
public enum ReciprocalRankFusion {
    /// The fused ranking of `rankings` (each best first, ids unique within one), best first; ties keep the
    /// order of first appearance.
    public static func fuse(_ rankings: [[Int64]], k: Double = 60, limit: Int) -> [(id: Int64, score: Double)] {
        var scores: [Int64: Double] = [:]
        var order: [Int64] = []
        for ranking in rankings {
            for (index, id) in ranking.enumerated() {
                if scores[id] == nil { order.append(id) }
                scores[id, default: 0] += 1 / (k + Double(index + 1))
            }
        }
        let positions = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        return order.map { (id: $0, score: scores[$0]!) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : positions[$0.id]! < positions[$1.id]! }
            .prefix(max(0, limit)).map { $0 }
    }
}
