import SparkJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Copies one descriptor to another on a thread of its own, and stops reading the source while paused: put
/// between a server's stdout and a test client, it stands for an editor that stops reading for a while.
///
/// ```swift
/// let toClient = try Pipe.make()
/// let relay = PipeRelay(from: process.stdoutFD, to: toClient.write)
/// let client = TestLSPClient(input: toClient.read, output: process.stdinFD)
/// relay.pause()  // the server's writes now fill the pipe, then its queue
/// ```
public final class PipeRelay: Sendable {
    /// Whether the relay is paused.
    private let paused = ConditionLock(false)

    /// Starts copying `source` to `destination` (taking ownership of both); both are closed when `source` ends
    /// or a write to `destination` fails.
    public init(from source: Int32, to destination: Int32) {
        let paused = paused
        DetachedThread.start {
            var buffer = [UInt8](repeating: 0, count: 16384)
            while true {
                paused.wait(until: { !$0 }) { _, _ in }
                let count = read(source, &buffer, buffer.count)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                let failed = buffer.withUnsafeBytes {
                    POSIX.writeAll(destination, UnsafeRawBufferPointer(rebasing: $0[..<count])) != nil
                }
                if failed { break }
            }
            close(source)
            close(destination)
        }
    }

    /// Stops reading the source (a read already under way is still passed on).
    public func pause() { paused.withLock { $0 = true } }

    /// Reads the source again.
    public func resume() { paused.withLock { $0 = false } }
}
