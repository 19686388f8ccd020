import Synchronization

/// A table of values made once and kept for the process, at most `capacity` of them, behind a mutex: for values
/// that depend only on a small key space (a tool type and its configured texts) and are needed on every request.
/// Past the bound (keys made from ever-changing values), values are made each time again.
final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let capacity: Int
    private let entries = Mutex<[Key: Value]>([:])

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The kept value of `key`, or `make()`'s, kept for the next call while there is room. `make` runs outside the
    /// lock, so two first calls may both make the value.
    func value(for key: Key, make: () -> Value) -> Value {
        if let value = entries.withLock({ $0[key] }) { return value }
        let value = make()
        entries.withLock { entries in
            if entries.count < capacity { entries[key] = value }
        }
        return value
    }

    /// How many values are kept.
    var count: Int { entries.withLock { $0.count } }
}
