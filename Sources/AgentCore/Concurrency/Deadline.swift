/// Runs `body`, cancelling it when `limit` passes first (the service's request timeouts, the PostgreSQL store's
/// waits for a connection).
/// - Throws: what `body` throws, or what `timeout` makes when the limit passed first.
public func withDeadline<Result: Sendable>(
    _ limit: Duration, else timeout: @escaping @Sendable () -> any Error,
    _ body: @escaping @Sendable () async throws -> Result
) async throws -> Result {
    try await withThrowingTaskGroup(of: Result?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else { throw timeout() }
        return value
    }
}
