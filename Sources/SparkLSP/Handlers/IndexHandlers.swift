import AgentCore
import SparkJSON

/// The knowledge base's indexing in the editor: in the background after `initialized` (with file watchers
/// registered when the client allows it), after `didSave` and `didChangeWatchedFiles`, and on `spark/index` and the
/// `spark.index` command; `window/workDoneProgress/cancel` stops it.
enum IndexHandlers {
    static let command = "spark.index"

    static func register(on server: LSPServer, chat: ChatFrontEnd, runner: WorkspaceIndexRunner) {
        server.register(SparkIndexRequest.self) { request, context in
            try await index(runner, context, token: request.workDoneToken)
        }
        server.register(DidSaveTextDocumentNotification.self) { notification, context in
            context.logger.debug("Saved \(notification.textDocument.uri)")
            if chat.service.indexesWorkspace { runner.start(context) }
        }
        server.register(DidChangeWatchedFilesNotification.self) { _, context in
            if chat.service.indexesWorkspace { runner.start(context) }
        }
        server.register(WorkDoneProgressCancelNotification.self) { notification, _ in
            runner.cancel(token: notification.token)
        }
    }

    /// After `initialized`: watch the workspace's files when the client can register watchers, and index.
    static func initialized(_ context: ServerContext, chat: ChatFrontEnd, runner: WorkspaceIndexRunner) {
        guard chat.service.indexesWorkspace else { return }
        if context.clientCapabilities.supportsWatchedFilesRegistration {
            Task {
                let watchers: JSONValue = ["watchers": [["globPattern": "**/*"]]]
                do {
                    _ = try await context.send(
                        RegisterCapabilityRequest(registrations: [
                            .init(id: "spark-knowledge-watch", method: DidChangeWatchedFilesNotification.method, registerOptions: watchers)
                        ]))
                } catch {
                    context.logger.debug("client/registerCapability failed: \(error)")
                }
            }
        }
        runner.startInBackground(context)
    }

    /// Runs (or joins) an indexing; cancelling the request cancels it.
    static func index(_ runner: WorkspaceIndexRunner, _ context: ServerContext, token: ProgressToken?) async throws
        -> SparkIndexResult
    {
        let task = runner.start(context, token: token)
        let summaries = try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
        return SparkIndexResult(summaries: summaries)
    }
}
