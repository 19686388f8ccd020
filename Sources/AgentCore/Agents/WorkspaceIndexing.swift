/// An agent module that keeps an index of the workspace (the knowledge agent's knowledge base). A front end that
/// watches files (the language server) finds it among its `ChatService`'s modules and asks it to index in the
/// background after start-up and again when files change, without depending on the module itself.
public protocol WorkspaceIndexing: Sendable {
    /// Brings the index of `configuration`'s workspace (and the other folders it names) up to date; unchanged
    /// files cost a `stat` each. Returns a one-line summary. Cancellable.
    func indexWorkspace(
        configuration: SparkConfiguration, environment: [String: String],
        progress: @escaping @Sendable (WorkspaceIndexProgress) -> Void
    ) async throws -> String
}

/// How far a workspace indexing is.
public struct WorkspaceIndexProgress: Hashable, Sendable {
    /// What is being done (`indexing 120/800`).
    public var message: String
    /// 0 to 100, when known.
    public var percentage: Int?

    public init(message: String, percentage: Int?) {
        self.message = message
        self.percentage = percentage
    }
}
