import AgentCore
import Synchronization

/// Keeps the agents' workspace index (the knowledge base) in step with the editor: indexes in the background after
/// `initialized`, again after `didSave` and `didChangeWatchedFiles`, and on `spark/index` or `spark.index`, with
/// `$/progress` the user may cancel. One indexing runs at a time; a request while one runs schedules one more
/// run after it (several requests share it), since the files may have changed after it read them.
///
/// Nothing of the knowledge base is touched before the first indexing, so start-up pays nothing for it.
final class WorkspaceIndexRunner: Sendable {
    private struct State {
        var running: Task<[String], any Error>?
        var again: Task<[String], any Error>?
        /// The progress token of the indexing under way, for `window/workDoneProgress/cancel`.
        var token: ProgressToken?
    }

    private let chat: ChatFrontEnd
    private let state = Mutex(State())

    init(chat: ChatFrontEnd) {
        self.chat = chat
    }

    /// Starts an indexing (or schedules one after the one under way) and returns its task.
    @discardableResult
    func start(_ context: ServerContext, token: ProgressToken? = nil) -> Task<[String], any Error> {
        state.withLock { state in
            if let again = state.again { return again }
            let previous = state.running
            let task = Task { [self] in
                if let previous { _ = await previous.result }
                promote()
                return try await run(context, token: token)
            }
            if previous == nil { state.running = task } else { state.again = task }
            return task
        }
    }

    /// Indexes in the background when the workspace is known (the client's folder or `WORKSPACE_DIR`): a server
    /// started without one does not index the default workspace.
    func startInBackground(_ context: ServerContext) {
        guard chat.service.indexesWorkspace else { return }
        Task {
            let (surface, _) = await chat.surface(context)
            guard surface.workspaceFolder != nil || (try? chat.service.configuration(on: surface).workspaceDir) != nil
            else { return }
            start(context)
        }
    }

    /// Cancels the indexing reporting progress on `token`.
    func cancel(token: ProgressToken) {
        state.withLock { state in
            guard state.token == token else { return }
            state.running?.cancel()
        }
    }

    private func promote() {
        state.withLock { state in
            if let again = state.again {
                state.running = again
                state.again = nil
            }
        }
    }

    private func run(_ context: ServerContext, token: ProgressToken?) async throws -> [String] {
        let (surface, _) = await chat.surface(context)
        let progress = await context.beginProgress(
            title: "Indexing the knowledge base", cancellable: true, clientToken: token)
        state.withLock { $0.token = progress.token }
        do {
            let summaries = try await chat.service.indexWorkspace(on: surface) { step in
                progress.report(message: step.message, percentage: step.percentage)
            }
            progress.end(message: summaries.joined(separator: "; "))
            for summary in summaries { context.logMessage(.info, "Knowledge base: indexed \(summary)") }
            finish()
            return summaries
        } catch {
            progress.end(message: error is CancellationError ? "cancelled" : "failed: \(error)")
            if !(error is CancellationError) { context.logMessage(.warning, "Knowledge base indexing failed: \(error)") }
            finish()
            throw error
        }
    }

    private func finish() {
        state.withLock { state in
            if state.again == nil { state.running = nil }
            state.token = nil
        }
    }
}
