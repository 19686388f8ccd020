import AgentCore
import SparkJSON
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A pipe that a task's cancellation handler writes to, so a blocking `poll` loop wakes and stops.
///
/// `fire()` may run on any thread at any time, even after the loop is done: the mutex makes
/// `fire()` and `close()` exclusive, and a fired signal after `close()` writes nothing.
final class CancelSignal: Sendable {
    /// The end the blocking loop polls.
    let readDescriptor: Int32
    private let writeDescriptor: Int32
    private let closed = Mutex(false)

    init() throws(ExecutionError) {
        let fds = try ProcessSpawner.pipe()
        readDescriptor = fds.read
        writeDescriptor = fds.write
    }

    /// Wakes the loop (idempotent; never blocks: one byte fits any pipe).
    func fire() {
        closed.withLock { isClosed in
            guard !isClosed else { return }
            var byte: UInt8 = 1
            _ = write(writeDescriptor, &byte, 1)
        }
    }

    /// Closes both ends; later `fire()` calls do nothing.
    func close() {
        closed.withLock { isClosed in
            guard !isClosed else { return }
            isClosed = true
            POSIX.close(readDescriptor)
            POSIX.close(writeDescriptor)
        }
    }
}
