/// The retrieval benchmark's baselines, chosen by two environment variables that `spark-lsp kb index` and
/// `kb search` read (benchmark hooks, not user settings; `bench/knowledge/quality.py` sets them):
/// - `SPARK_KB_CHUNKING`: `default` (headings for prose, declarations for code) or `lines:N` (fixed windows of
///   N lines, `FixedLineWindows`, each embedded as its text alone, without a title line or passages), for
///   `kb index`.
/// - `SPARK_KB_RANKING`: `default` (the shipped hybrid ranking), `lexical` (FTS5 BM25 alone) or `rrf` (plain
///   `ReciprocalRankFusion` of FTS5 and vectors, no re-ranking), for `kb search`.
public struct BenchmarkBaseline: Sendable, Equatable {
    public enum Chunking: Sendable, Equatable {
        case `default`
        case lines(Int)

        /// What each document records of the chunking that cut it: a document cut otherwise is cut again.
        /// `DocumentChunker.version` counts the shipped chunking's changes.
        var identity: String {
            switch self {
            case .default: "headings:\(DocumentChunker.version)"
            case .lines(let size): "lines:\(size)"
            }
        }
    }

    public enum Ranking: String, Sendable, Equatable, CaseIterable {
        case `default`, lexical, rrf
    }

    public var chunking: Chunking = .default
    public var ranking: Ranking = .default

    public init(chunking: Chunking = .default, ranking: Ranking = .default) {
        self.chunking = chunking
        self.ranking = ranking
    }

    /// The baseline the environment asks for; unset or empty variables are the defaults.
    /// - Throws: `BenchmarkBaselineError` naming the variable and what it accepts.
    public init(environment: [String: String]) throws(BenchmarkBaselineError) {
        if let text = environment["SPARK_KB_CHUNKING"], !text.isEmpty, text != "default" {
            guard text.hasPrefix("lines:"), let size = Int(text.dropFirst("lines:".count)), size > 0 else {
                throw BenchmarkBaselineError("SPARK_KB_CHUNKING must be default or lines:N (N > 0), not \"\(text)\"")
            }
            chunking = .lines(size)
        }
        if let text = environment["SPARK_KB_RANKING"], !text.isEmpty {
            guard let ranking = Ranking(rawValue: text) else {
                throw BenchmarkBaselineError("SPARK_KB_RANKING must be default, lexical or rrf, not \"\(text)\"")
            }
            self.ranking = ranking
        }
    }
}

/// A bad `SPARK_KB_CHUNKING` or `SPARK_KB_RANKING`.
public struct BenchmarkBaselineError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
