/// Fuses the lexical (BM25) and vector rankings by reciprocal rank fusion, then re-ranks by how many of the
/// query's terms the chunk's path and headings carry (a section titled after the question is usually its
/// answer).
struct HybridRanker {
    /// The rank offset of reciprocal rank fusion (60 in the original paper).
    var fusionOffset = 60.0
    /// What full term coverage of the path and headings adds, relative to a first rank in one list.
    var headingWeight = 0.5

    /// The fused order of `lexical` and `vector` ids (each best first), with scores; ties keep the fused order.
    func fuse(lexical: [Int64], vector: [Int64], headingCoverage: (Int64) -> Double) -> [(id: Int64, score: Double)] {
        let fused = ReciprocalRankFusion.fuse([lexical, vector], k: fusionOffset, limit: lexical.count + vector.count)
        let boost = headingWeight / (fusionOffset + 1)
        var ranked: [(id: Int64, score: Double, position: Int)] = []
        for (position, item) in fused.enumerated() {
            ranked.append((item.id, item.score + boost * headingCoverage(item.id), position))
        }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.position < $1.position }
        return ranked.map { ($0.id, $0.score) }
    }
}
