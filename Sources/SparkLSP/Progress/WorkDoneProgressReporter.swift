import Synchronization

/// Sends `$/progress` begin / report / end for one token. With no token it does nothing, so
/// callers need not care whether the client shows progress. `end` is sent at most once.
public final class WorkDoneProgressReporter: Sendable {
    /// The token, or `nil` when the client shows no progress.
    public let token: ProgressToken?
    private let connection: JSONRPCConnection
    /// Whether `end` was sent; guarded by the atomic.
    private let ended = Atomic<Bool>(false)

    public init(connection: JSONRPCConnection, token: ProgressToken?) {
        self.connection = connection
        self.token = token
    }

    func begin(title: String, message: String?, percentage: Int?, cancellable: Bool?) {
        send(.begin(title: title, message: message, percentage: percentage, cancellable: cancellable))
    }

    /// Reports an intermediate step.
    public func report(message: String? = nil, percentage: Int? = nil) {
        guard !ended.load(ordering: .relaxed) else { return }
        send(.report(message: message, percentage: percentage, cancellable: nil))
    }

    /// Ends the progress (once).
    public func end(message: String? = nil) {
        guard !ended.exchange(true, ordering: .relaxed) else { return }
        send(.end(message: message))
    }

    /// A report is droppable (the next report or the end replaces it while the client is not reading); begin and
    /// end are always sent, so the client's progress opens and closes.
    private func send(_ value: WorkDoneProgressValue) {
        guard let token else { return }
        var priority = FramePriority.essential
        if case .report = value { priority = .droppable }
        connection.notify(WorkDoneProgressNotification(token: token, value: value), priority: priority)
    }
}
