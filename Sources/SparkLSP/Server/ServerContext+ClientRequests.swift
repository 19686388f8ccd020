import SparkJSON

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension ServerContext {
    /// `workspace/applyEdit`.
    public func applyEdit(_ edit: WorkspaceEdit, label: String? = nil) async throws -> ApplyWorkspaceEditResult {
        try await send(ApplyEditRequest(label: label, edit: edit))
    }

    /// `window/showMessageRequest`: the chosen action, or `nil` when the user dismissed it.
    public func showMessageRequest(_ type: MessageType, _ message: String, actions: [String]) async throws -> String? {
        let items = actions.map { MessageActionItem(title: $0) }
        return try await send(ShowMessageRequest(type: type, message: message, actions: items))?.title
    }

    /// `workspace/configuration`: one value per item (`null` when the client has none).
    public func configuration(_ items: [ConfigurationItem]) async throws -> [JSONValue] {
        try await send(ConfigurationRequest(items: items))
    }

    /// `window/showDocument`.
    public func showDocument(
        _ uri: DocumentURI, external: Bool? = nil, takeFocus: Bool? = nil, selection: LSPRange? = nil
    ) async throws -> Bool {
        try await send(ShowDocumentRequest(uri: uri, external: external, takeFocus: takeFocus, selection: selection))
            .success
    }

    /// Starts work-done progress: on the client's token when it sent one, else on a token created
    /// with `window/workDoneProgress/create` when the client supports it, else a silent reporter.
    public func beginProgress(
        title: String, message: String? = nil, percentage: Int? = nil, cancellable: Bool? = nil,
        clientToken: ProgressToken? = nil
    ) async -> WorkDoneProgressReporter {
        var token = clientToken
        if token == nil, clientCapabilities.supportsWorkDoneProgress {
            let created = ProgressToken.string("spark-\(UUID().uuidString)")
            do {
                _ = try await send(CreateWorkDoneProgressRequest(token: created))
                token = created
            } catch {
                logger.debug("window/workDoneProgress/create failed: \(error)")
            }
        }
        let reporter = WorkDoneProgressReporter(connection: connection, token: token)
        reporter.begin(title: title, message: message, percentage: percentage, cancellable: cancellable)
        return reporter
    }
}
