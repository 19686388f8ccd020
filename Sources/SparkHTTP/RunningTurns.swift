import ServiceLifecycle
import Synchronization

/// The chat runs in flight, so that shutdown can cancel them itself at the end of the grace period: a run
/// cancelled this way still ends its stream with `error` and `done` (cancelling the connection's task instead
/// would leave nothing able to write them).
final class RunningTurns: Sendable {
    private let runs = Mutex<
        (next: Int, cancels: [Int: @Sendable () -> Void], idleWaiters: [CheckedContinuation<Void, Never>])
    >((0, [:], []))

    /// Runs `body` as a task that `cancelAll()` (and the caller's cancellation) cancels.
    func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let task = Task { try await body() }
        let id = runs.withLock { runs in
            defer { runs.next += 1 }
            runs.cancels[runs.next] = { task.cancel() }
            return runs.next
        }
        defer {
            let waiters = runs.withLock { runs -> [CheckedContinuation<Void, Never>] in
                runs.cancels[id] = nil
                guard runs.cancels.isEmpty else { return [] }
                defer { runs.idleWaiters = [] }
                return runs.idleWaiters
            }
            for waiter in waiters { waiter.resume() }
        }
        return try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }

    /// Returns when no run is in flight.
    func idle() async {
        await withCheckedContinuation { continuation in
            let now = runs.withLock { runs in
                if runs.cancels.isEmpty { return true }
                runs.idleWaiters.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
    }

    /// Cancels every run in flight.
    func cancelAll() {
        for cancel in runs.withLock({ Array($0.cancels.values) }) { cancel() }
    }
}

/// Waits for graceful shutdown, then until no run is left or the grace period has passed, then cancels the
/// runs still going.
struct RunDrainer: Service {
    let turns: RunningTurns
    let grace: Duration

    func run() async throws {
        // Cancelled: the group is going down anyway.
        guard (try? await gracefulShutdown()) != nil else { return turns.cancelAll() }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.turns.idle() }
            group.addTask { try? await Task.sleep(for: self.grace) }
            await group.next()
            group.cancelAll()
            turns.cancelAll()
        }
    }
}
