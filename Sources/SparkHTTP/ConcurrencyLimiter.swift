import Synchronization

/// At most `limit` chat requests at once per owner (API key, or everyone when there are no keys).
final class ConcurrencyLimiter: Sendable {
    let limit: Int
    private let running = Mutex<[String: Int]>([:])

    init(limit: Int) { self.limit = limit }

    /// Takes a place for `owner`; `false` when all of its places are taken.
    func acquire(_ owner: String) -> Bool {
        running.withLock { running in
            guard running[owner, default: 0] < limit else { return false }
            running[owner, default: 0] += 1
            return true
        }
    }

    /// Gives back a place taken with `acquire`.
    func release(_ owner: String) {
        running.withLock { running in
            let count = running[owner, default: 1] - 1
            running[owner] = count > 0 ? count : nil
        }
    }
}
