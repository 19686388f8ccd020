import Synchronization

/// The in-flight requests by id, so that `$/cancelRequest` (handled on the reader thread, ahead
/// of the queue) can cancel a request whether it is still queued or already running.
final class RequestTracker: Sendable {
    private enum Entry {
        case queued
        case cancelledWhileQueued
        case running(Task<Void, Never>)
    }

    /// Guarded by the mutex.
    private let entries = Mutex<[RequestID: Entry]>([:])

    /// Called on the reader thread when a request arrives.
    func enqueue(_ id: RequestID) {
        entries.withLock { $0[id] = .queued }
    }

    /// Cancels the request `id` (no-op when unknown or finished).
    func cancel(_ id: RequestID) {
        let task: Task<Void, Never>? = entries.withLock { entries in
            switch entries[id] {
            case .queued:
                entries[id] = .cancelledWhileQueued
                return nil
            case .running(let task): return task
            case .cancelledWhileQueued, nil: return nil
            }
        }
        task?.cancel()
    }

    /// Starts the request's task unless it was cancelled while queued (then returns `false`).
    func start(_ id: RequestID, _ makeTask: () -> Task<Void, Never>) -> Bool {
        entries.withLock { entries in
            if case .cancelledWhileQueued = entries[id] {
                entries[id] = nil
                return false
            }
            entries[id] = .running(makeTask())
            return true
        }
    }

    /// Forgets a finished request.
    func finish(_ id: RequestID) {
        entries.withLock { _ = $0.removeValue(forKey: id) }
    }

    /// Cancels everything (at exit).
    func cancelAll() {
        let tasks = entries.withLock { entries -> [Task<Void, Never>] in
            defer { entries.removeAll() }
            return entries.values.compactMap { if case .running(let task) = $0 { task } else { nil } }
        }
        tasks.forEach { $0.cancel() }
    }
}
