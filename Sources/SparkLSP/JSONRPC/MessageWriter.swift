import SparkJSON
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes whole frames (`Content-Length` header + body) to a file descriptor under a lock, so
/// concurrent senders never interleave.
public final class MessageWriter: Sendable {
    /// The descriptor, `-1` once closed or after a write error. Guarded by the mutex, which is held
    /// for the whole of each frame's write.
    fileprivate let fd: Mutex<Int32>

    /// Takes ownership of `fd` (closed by `close()`). Ignores `SIGPIPE` process-wide so that a
    /// vanished peer shows up as a write error instead of killing the process.
    public init(fd: Int32) {
        self.fd = Mutex(fd)
        signal(SIGPIPE, SIG_IGN)
    }

    /// Writes one frame. Returns `false` when the stream is closed or the write failed.
    @discardableResult
    public func write(body: Data) -> Bool {
        var frame = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        frame.append(contentsOf: body)
        return fd.withLock { fd in
            guard fd >= 0 else { return false }
            let ok = frame.withUnsafeBytes { Self.writeAll(fd, $0) }
            if !ok { fd = -1 }
            return ok
        }
    }

    /// Closes the descriptor; later writes fail.
    public func close() {
        fd.withLock { fd in
            if fd >= 0 { POSIX.close(fd) }
            fd = -1
        }
    }

    fileprivate static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let written = POSIX.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }
}

extension MessageWriter {
    /// Writes raw bytes without framing (tests use it to send malformed input).
    package func writeRaw(_ bytes: [UInt8]) -> Bool {
        fd.withLock { fd in
            guard fd >= 0 else { return false }
            return bytes.withUnsafeBytes { Self.writeAll(fd, $0) }
        }
    }
}
