import Synchronization

/// A body did not finish within its deadline (a hang turned into a failure).
struct DeadlineExceeded: Error, CustomStringConvertible {
    var limit: Duration
    var description: String { "did not finish within \(limit)" }

    /// Runs `body` and returns its value, or throws `DeadlineExceeded` after `limit` (cancelling
    /// `body`, without waiting for it to notice).
    static func enforce<Value: Sendable>(
        _ limit: Duration, _ body: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        let resumed = Mutex(false)
        var tasks: [Task<Void, Never>] = []
        defer { tasks.forEach { $0.cancel() } }
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
            let finish: @Sendable (Result<Value, any Error>) -> Void = { result in
                guard
                    resumed.withLock({ done in
                        defer { done = true }
                        return !done
                    })
                else { return }
                continuation.resume(with: result)
            }
            tasks.append(
                Task {
                    do { finish(.success(try await body())) } catch { finish(.failure(error)) }
                })
            tasks.append(
                Task {
                    try? await Task.sleep(for: limit)
                    finish(.failure(DeadlineExceeded(limit: limit)))
                })
        }
    }
}
