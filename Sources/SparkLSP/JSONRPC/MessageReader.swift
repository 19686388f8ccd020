import SparkJSON

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

/// One thread doing blocking reads of a file descriptor into a `FrameParser`; each frame event is
/// delivered, in order, on that thread.
public enum MessageReader {
    /// Starts the reader thread. `onEvent` gets every framing event; `onEnd` is called once at EOF
    /// (or a read error), after any final `.truncated` event. The descriptor is closed at the end.
    public static func start(
        fd: Int32,
        maximumFrameLength: Int = FrameParser.defaultMaximumFrameLength,
        onEvent: @escaping @Sendable (FrameEvent) -> Void,
        onEnd: @escaping @Sendable () -> Void
    ) {
        DetachedThread.start {
            var parser = FrameParser(maximumFrameLength: maximumFrameLength)
            let capacity = 64 * 1024
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 1)
            defer { buffer.deallocate() }
            while true {
                let count = read(fd, buffer.baseAddress, capacity)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                for event in parser.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) {
                    onEvent(event)
                }
            }
            if let event = parser.finish() { onEvent(event) }
            _ = close(fd)
            onEnd()
        }
    }
}
