import Logging
import Synchronization

/// Keeps every log message in memory, for tests that check what was logged.
///
/// ```swift
/// let log = LogRecorder()
/// let writer = MessageWriter(fd: fd, logger: log.logger)
/// #expect(log.messages.contains { $0.contains("dropped") })
/// ```
public final class LogRecorder: Sendable {
    /// Guarded by the mutex.
    private let recorded = Mutex<[String]>([])

    public init() {}

    /// A logger at `trace` level writing here.
    public var logger: Logger {
        Logger(label: "recorded") { [self] _ in Handler(recorder: self) }
    }

    /// Every message so far, as `<level> <message>`, in order.
    public var messages: [String] { recorded.withLock { $0 } }

    fileprivate func record(_ line: String) { recorded.withLock { $0.append(line) } }

    private struct Handler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) { recorder.record("\(event.level) \(event.message)") }
    }
}
