import AgentCore
import SparkJSON
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs blocking file system work (walks, reads of many files) on its own thread, off the
/// cooperative pool, and hands back the result.
///
/// Cancelling the awaiting task sets the `BlockingFileWork.Flag` the work polls.
package enum BlockingFileWork {
    /// Set when the awaiting task is cancelled.
    package final class Flag: Sendable {
        private let cancelled = Atomic<Bool>(false)

        package init() {}

        package var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

        package func cancel() { cancelled.store(true, ordering: .relaxed) }
    }

    /// Runs `body` on a new thread; throws `CancellationError` when cancelled before it finishes.
    package static func run<T: Sendable>(_ body: @escaping @Sendable (Flag) throws -> T) async throws -> T {
        let flag = Flag()
        let value = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                DetachedThread.start { continuation.resume(with: Result { try body(flag) }) }
            }
        } onCancel: {
            flag.cancel()
        }
        if flag.isCancelled { throw CancellationError() }
        return value
    }
}
