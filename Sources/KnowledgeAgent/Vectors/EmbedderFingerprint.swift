/// What tells two embedding models apart when they are served under one name: the vector each gives a fixed text.
/// Recorded with the vectors (`KnowledgeBase.useEmbedder`), compared at the next indexing, so that vectors survive a
/// server moved to another address and never mix with another model's.
package enum EmbedderFingerprint {
    /// The text every embedder is asked to embed.
    package static let probe = "SparkLSP knowledge base: the fingerprint of an embedding model."

    /// Whether two fingerprints come from the same model: either unknown, or of one length and a cosine of at least
    /// 0.999 (servers on other hardware differ in the last digits, other models by far more).
    static func agree(_ recorded: [Float]?, _ current: [Float]?) -> Bool {
        guard let recorded, let current else { return true }
        guard recorded.count == current.count, !recorded.isEmpty else { return false }
        var dot: Float = 0
        var recordedNorm: Float = 0
        var currentNorm: Float = 0
        for (a, b) in zip(recorded, current) {
            dot += a * b
            recordedNorm += a * a
            currentNorm += b * b
        }
        guard recordedNorm > 0, currentNorm > 0 else { return recordedNorm == currentNorm }
        return dot / (recordedNorm.squareRoot() * currentNorm.squareRoot()) >= 0.999
    }

    /// The stored form: the values, comma-separated.
    static func encoded(_ vector: [Float]) -> String {
        vector.map { String($0) }.joined(separator: ",")
    }

    static func decoded(_ text: String) -> [Float] {
        text.split(separator: ",").compactMap { Float($0) }
    }
}
