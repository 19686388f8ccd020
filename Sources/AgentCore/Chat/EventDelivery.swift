import Synchronization

/// Keeps a turn's edits behind the events that come before them: the engine's events reach the front end through
/// a stream that a consumer drains, while a tool's edit goes to the editor at once from the tool's task. Without a
/// wait, the editor could receive the edit (`workspace/applyEdit`, the `edit` event) before the `toolCall` event of
/// the tool making it. `waitForDelivery()` returns once every event emitted before the call has been delivered.
final class EventDelivery: Sendable {
    private struct State: ~Copyable {
        var emitted = 0
        var delivered = 0
        var finished = false
        var waiters: [Int: (target: Int, continuation: CheckedContinuation<Void, Never>)] = [:]
        var nextWaiter = 0
    }

    /// Guarded by the mutex: the engine's task emits, the consumer delivers, tool tasks wait.
    private let state = Mutex(State())

    /// One more event was put in the stream (called by the engine's emitter).
    func emitted() { state.withLock { $0.emitted += 1 } }

    /// The consumer delivered one more event.
    func delivered() { resume { $0.delivered += 1 } }

    /// The consumer stopped: nothing waits any longer.
    func finish() { resume { $0.finished = true } }

    /// Waits until every event emitted so far has been delivered (or the consumer stopped, or the task is
    /// cancelled).
    func waitForDelivery() async {
        let (id, target) = state.withLock { state -> (Int, Int) in
            state.nextWaiter += 1
            return (state.nextWaiter, state.emitted)
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = state.withLock { state -> Bool in
                    if state.finished || state.delivered >= target || Task.isCancelled { return true }
                    state.waiters[id] = (target, continuation)
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.continuation.resume()
        }
    }

    private func resume(after change: (inout State) -> Void) {
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            change(&state)
            let due = state.waiters.filter { state.finished || $0.value.target <= state.delivered }
            for key in due.keys { state.waiters[key] = nil }
            return due.values.map(\.continuation)
        }
        for continuation in ready { continuation.resume() }
    }
}
