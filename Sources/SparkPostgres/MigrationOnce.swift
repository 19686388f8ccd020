import Logging
import PostgresNIO

/// Runs the schema migrations once for a store: concurrent first calls wait for the same run; a failed run is
/// forgotten (and so is a run whose caller was cancelled), so the next call tries again (the database may come up after the service).
actor MigrationOnce {
    private let client: PostgresClient
    private let logger: Logger
    private var running: Task<Void, any Error>?
    private var done = false

    init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    func run() async throws {
        if done { return }
        let task =
            running ?? Task { [client, logger] in try await PostgresSessionSchema.migrate(client, logger: logger) }
        running = task
        do {
            // A cancelled caller (a deadline passed) cancels the run, which stops waiting for a connection.
            try await withTaskCancellationHandler {
                try await task.value
            } onCancel: {
                task.cancel()
            }
            done = true
        } catch {
            running = nil
            throw PostgresSessionError(operation: "migrate", error)
        }
    }
}
