/// What one indexing run did.
public struct IndexReport: Hashable, Sendable {
    /// Files found to index (changed or not).
    public var files = 0
    /// Files read and chunked again because they are new or changed.
    public var indexed = 0
    /// Files whose content had not changed.
    public var unchanged = 0
    /// Documents moved to a new path (same content).
    public var moved = 0
    /// Documents removed because their file is gone.
    public var removed = 0
    /// Chunks written.
    public var chunks = 0
    /// What was left out, by reason.
    public var skipped = SkipCounts()
    /// Chunks embedded in this run.
    public var embedded = 0
    /// Chunks left without a vector because the embedding server failed; they are retried on the next run.
    public var embeddingFailures = 0
    /// Why embedding failed, when it did.
    public var embeddingError: String?
    /// Roots that could not be indexed, with the reason.
    public var rootErrors: [String] = []
    /// Wall-clock seconds.
    public var seconds = 0.0

    public init() {}

    /// The summary line: `indexed 120 files (3 changed), 840 chunks, skipped 4 (...) in 0.52 s`.
    public var summary: String {
        var text = "\(files) files (\(indexed) indexed, \(unchanged) unchanged"
        if moved > 0 { text += ", \(moved) moved" }
        if removed > 0 { text += ", \(removed) removed" }
        text += "), \(chunks) chunks, skipped \(skipped.total)"
        if skipped.total > 0 { text += " (\(skipped.summary))" }
        if embedded > 0 || embeddingFailures > 0 { text += ", \(embedded) chunks embedded" }
        if embeddingFailures > 0 {
            text += ", \(embeddingFailures) not embedded (\(embeddingError ?? "the embedding server failed"))"
        }
        text += ", " + String(format2: seconds) + " s"
        for error in rootErrors { text += "; " + error }
        return text
    }
}

extension String {
    /// A number with two decimals, without Foundation's formatting.
    init(format2 value: Double) {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        self = "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}
