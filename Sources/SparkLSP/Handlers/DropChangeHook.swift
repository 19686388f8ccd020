#if DEBUG
    import Synchronization

    /// The test hook behind `ServerConfiguration.dropDidChangeNumber`: says which `didChange` to drop.
    /// Debug builds only.
    final class DropChangeHook: Sendable {
        private let target: Int
        /// `didChange` notifications seen so far; atomic.
        private let seen = Atomic<Int>(0)

        init(target: Int) { self.target = target }

        /// Counts one `didChange`; `true` when it is the one to drop.
        func shouldDrop() -> Bool { seen.add(1, ordering: .relaxed).newValue == target }
    }
#endif
