import Synchronization

/// The value of `body`, or `nil` when `limit` passes first. Returns at the limit without waiting for `body` (which is
/// cancelled): an SDK request that never gets its answer does not notice cancellation. Cancelling the caller cancels
/// `body`.
func withTimeout<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T? {
    let race = TimeoutRace<T>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            race.start(continuation, body: body, limit: limit)
        }
    } onCancel: {
        race.cancel()
    }
}

/// The continuation of one `withTimeout`, resumed once, by the body or by the clock.
private final class TimeoutRace<T: Sendable>: Sendable {
    private let state = Mutex<(continuation: CheckedContinuation<T?, any Error>?, work: Task<Void, Never>?)>((nil, nil))

    func start(
        _ continuation: CheckedContinuation<T?, any Error>, body: @escaping @Sendable () async throws -> T,
        limit: Duration
    ) {
        let work = Task {
            do { self.finish(.success(try await body())) } catch { self.finish(.failure(error)) }
        }
        state.withLock { $0 = (continuation, work) }
        Task {
            try? await Task.sleep(for: limit)
            self.cancel()
            self.finish(.success(nil))
        }
    }

    func cancel() {
        state.withLock { $0.work }?.cancel()
    }

    private func finish(_ result: Result<T?, any Error>) {
        state.withLock { state in
            defer { state.continuation = nil }
            return state.continuation
        }?.resume(with: result)
    }
}
