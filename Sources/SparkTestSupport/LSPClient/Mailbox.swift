import Synchronization

/// A queue that test code awaits with a predicate and a timeout (the timeout only turns a hang
/// into a failure). Items nobody waits for stay queued.
package final class Mailbox<Item: Sendable>: Sendable {
    private struct Waiter {
        var predicate: @Sendable (Item) -> Bool
        var continuation: CheckedContinuation<Item, any Error>
    }

    private struct State: ~Copyable {
        var items: [Item] = []
        var waiters: [Int: Waiter] = [:]
        var nextWaiter = 0
        var closed = false
    }

    /// Guarded by the mutex.
    private let state = Mutex(State())

    package init() {}

    /// Delivers an item to the first matching waiter, or queues it.
    package func post(_ item: Item) {
        let continuation = state.withLock { state -> CheckedContinuation<Item, any Error>? in
            if let (key, waiter) = state.waiters.sorted(by: { $0.key < $1.key }).first(where: {
                $0.value.predicate(item)
            }) {
                state.waiters[key] = nil
                return waiter.continuation
            }
            state.items.append(item)
            return nil
        }
        continuation?.resume(returning: item)
    }

    /// Fails current and future waits that nothing queued can satisfy.
    package func close() {
        let waiters = state.withLock { state in
            state.closed = true
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.continuation.resume(throwing: TestClientError("the connection closed")) }
    }

    /// The first queued or future item matching `predicate`.
    package func next(
        timeout: Duration, description: String, where predicate: @escaping @Sendable (Item) -> Bool = { _ in true }
    ) async throws -> Item {
        let key = state.withLock { state -> Int in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        let timer = Task { [self] in
            try await Task.sleep(for: timeout)
            fail(key, TestClientError("timed out after \(timeout) waiting for \(description)"))
        }
        defer { timer.cancel() }
        return try await withCheckedThrowingContinuation { continuation in
            let outcome = state.withLock { state -> Result<Item, any Error>? in
                if let index = state.items.firstIndex(where: predicate) {
                    return .success(state.items.remove(at: index))
                }
                if state.closed { return .failure(TestClientError("the connection closed before \(description)")) }
                state.waiters[key] = Waiter(predicate: predicate, continuation: continuation)
                return nil
            }
            if let outcome { continuation.resume(with: outcome) }
        }
    }

    /// Everything queued now, without waiting.
    package func drain() -> [Item] {
        state.withLock { state in
            defer { state.items.removeAll() }
            return state.items
        }
    }

    private func fail(_ key: Int, _ error: any Error) {
        let waiter = state.withLock { $0.waiters.removeValue(forKey: key) }
        waiter?.continuation.resume(throwing: error)
    }
}
