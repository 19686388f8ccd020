/// `spark/index`: brings the knowledge base up to date with the workspace (and `knowledgeBase.paths`), with
/// work-done progress; joins an indexing already under way. Cancellable with `$/cancelRequest`.
public struct SparkIndexRequest: LSPRequest, Hashable {
    public static let method = "spark/index"
    public typealias Response = SparkIndexResult

    /// A client-created progress token, when the client made one.
    public var workDoneToken: ProgressToken?

    public init(workDoneToken: ProgressToken? = nil) {
        self.workDoneToken = workDoneToken
    }
}

/// The result of `spark/index` and `spark.index`.
public struct SparkIndexResult: Codable, Hashable, Sendable {
    /// One summary line per index (files, chunks, skipped, seconds).
    public var summaries: [String]

    public init(summaries: [String]) {
        self.summaries = summaries
    }
}
