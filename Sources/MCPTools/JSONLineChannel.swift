import SparkJSON
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// JSON values, one per line, over a pair of descriptors: MCP's stdio framing, and the link between the language
/// server and its `spark-mcp` helper. Reads on a thread of its own (never the cooperative pool); writes whole lines
/// under a lock. A line that is not JSON is skipped.
package final class JSONLineChannel: Sendable {
    private let readDescriptor: Int32
    private let writeDescriptor: Int32
    /// Guards writes, so lines from concurrent tasks never interleave; `true` once writing is closed.
    private let writeLock = Mutex(false)

    package init(read: Int32, write: Int32) {
        readDescriptor = read
        writeDescriptor = write
    }

    /// Writes `value` and a newline; `false` when the other side is gone.
    @discardableResult
    package func send(_ value: JSONValue) -> Bool {
        let line = Array((value.serialized() + "\n").utf8)
        return writeLock.withLock { closed in
            guard !closed else { return false }
            var offset = 0
            while offset < line.count {
                let written = line[offset...].withUnsafeBytes { write(writeDescriptor, $0.baseAddress, $0.count) }
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }

    /// Closes the writing descriptor: the other side reads end of file.
    package func closeWriting() {
        writeLock.withLock { closed in
            guard !closed else { return }
            closed = true
            _ = close(writeDescriptor)
        }
    }

    /// The values read, in order, until end of file. Call once.
    package func messages() -> AsyncStream<JSONValue> {
        let (stream, continuation) = AsyncStream.makeStream(of: JSONValue.self)
        let descriptor = readDescriptor
        DetachedThread.start {
            LineReader.readLines(descriptor) { line in
                if let value = try? JSONValue(parsing: Array(line)) { continuation.yield(value) }
            }
            continuation.finish()
        }
        return stream
    }
}
