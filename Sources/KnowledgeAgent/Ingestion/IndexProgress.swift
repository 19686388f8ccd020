/// How far an indexing run is, for a progress bar or `$/progress`.
public struct IndexProgress: Hashable, Sendable {
    /// `scanning`, `indexing` or `embedding`.
    public var phase: String
    public var done: Int
    public var total: Int
    /// The root being indexed.
    public var root: String

    /// The percentage done (0 to 100).
    public var percentage: Int { total > 0 ? min(100, done * 100 / total) : 0 }
}
