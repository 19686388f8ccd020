/// Turns a hang into a failure: throws `TimedOut` when `body` takes longer than `seconds`.
func withTimeout<T: Sendable>(
    seconds: Double = 10, _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            throw TimedOut()
        }
        let first = try await group.next()!
        group.cancelAll()
        return first
    }
}

struct TimedOut: Error {}
