import AgentCore

/// Runs `body`, cancelling it after `limit` (postgres-nio's pool waits for a connection for as long as it keeps
/// failing to make one; a cancelled wait ends at once).
/// - Throws: what `body` throws, or a ``PostgresSessionError`` naming `operation` and `address` (if known) when `limit`
///   passed first.
func withDeadline<Result: Sendable>(
    _ limit: Duration, _ operation: String, address: String?, _ body: @escaping @Sendable () async throws -> Result
) async throws -> Result {
    try await AgentCore.withDeadline(
        limit,
        else: {
            PostgresSessionError(
                operation: operation,
                message: "the database\(address.map { " at \($0)" } ?? "") did not answer within \(limit)")
        }, body)
}
