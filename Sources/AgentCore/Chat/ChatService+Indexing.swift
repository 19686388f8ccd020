extension ChatService {
    /// Whether an agent module keeps an index of the workspace (`WorkspaceIndexing`).
    public var indexesWorkspace: Bool { modules.contains { $0 is any WorkspaceIndexing } }

    /// Brings every workspace index the agent modules keep up to date for the configuration in effect on
    /// `surface`; returns their summaries (none when no module keeps one). Cancellable.
    public func indexWorkspace(
        on surface: ChatSurface, progress: @escaping @Sendable (WorkspaceIndexProgress) -> Void
    ) async throws -> [String] {
        let configuration = try configuration(on: surface)
        var summaries: [String] = []
        for case let indexer as any WorkspaceIndexing in modules {
            summaries.append(
                try await indexer.indexWorkspace(
                    configuration: configuration, environment: environment, progress: progress))
        }
        return summaries
    }
}
