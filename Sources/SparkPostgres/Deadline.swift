/// Runs `body`, cancelling it after `limit` (postgres-nio's pool waits for a connection for as long as it keeps
/// failing to make one; a cancelled wait ends at once).
/// - Throws: what `body` throws, or a ``PostgresSessionError`` naming `operation` and `address` (if known) when `limit`
///   passed first.
func withDeadline<Result: Sendable>(
    _ limit: Duration, _ operation: String, address: String?, _ body: @escaping @Sendable () async throws -> Result
) async throws -> Result {
    try await withThrowingTaskGroup(of: Result?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else {
            throw PostgresSessionError(
                operation: operation,
                message: "the database\(address.map { " at \($0)" } ?? "") did not answer within \(limit)")
        }
        return value
    }
}
