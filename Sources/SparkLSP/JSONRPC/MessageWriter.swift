import Logging
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

/// Writes whole frames (`Content-Length` header + body) to a file descriptor from one dedicated thread, in the
/// order they were enqueued. Senders only enqueue (a short lock, never a write), so a client that stops reading
/// cannot hold them, or the cooperative pool, up; while it lags, droppable frames are dropped by the rule of
/// `WriterLimits` (see `OutboundQueue`), and the drops are logged.
///
/// The thread sleeps on a condition variable while the queue is empty. A write error (the client closed its end)
/// ends it: the queue is discarded and later frames are not sent. `close()` lets it write what is queued first.
public final class MessageWriter: Sendable {
    private struct State {
        var queue: OutboundQueue
        /// The descriptor; `-1` once closed.
        var fd: Int32
        /// No more frames are accepted; the thread ends once the queue is written.
        var closing = false
        /// The thread has ended and closed the descriptor.
        var finished = false
    }

    /// At most this much is handed to one `write`: small frames go out together, in one system call.
    private static let batchBytes = 64 * 1024

    private let state: ConditionLock<State>
    private let logger: Logger
    /// Whether the writer thread runs. If no thread could be made, senders write under the lock themselves.
    private let threaded: Bool

    /// Takes ownership of `fd` (closed once the queue is written after `close()`). Ignores `SIGPIPE`
    /// process-wide so that a vanished peer shows up as a write error instead of killing the process.
    public init(fd: Int32, limits: WriterLimits = WriterLimits(), logger: Logger) {
        signal(SIGPIPE, SIG_IGN)
        let state = ConditionLock(State(queue: OutboundQueue(limits: limits), fd: fd))
        self.state = state
        self.logger = logger
        // The thread holds the state, not the writer, so the writer's `deinit` can end it.
        threaded = DetachedThread.tryStart { Self.writeLoop(state, logger: logger) }
        if !threaded { logger.error("No writer thread could be started; frames are written by their senders") }
    }

    deinit { close() }

    /// Enqueues one frame. Returns `false` when the writer is closed or the connection broke (the frame is not
    /// sent); a droppable frame dropped for back-pressure counts as sent.
    @discardableResult
    public func write(body: Data, priority: FramePriority = .essential) -> Bool {
        var frame = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        frame.append(contentsOf: body)
        return enqueue(frame, priority: priority)
    }

    /// Writes the queued frames, then closes the descriptor; later frames are refused. Returns at once.
    public func close() {
        state.withLock { $0.closing = true }
        if !threaded { state.withLock { Self.finish(&$0, logger: logger) } }
    }

    /// `close()`, then waits (off the cooperative pool) until the queued frames are written, at most `limit`.
    /// Returns whether they were; if not, what is left is logged and never written.
    @discardableResult
    public func close(flushingWithin limit: Duration) async -> Bool {
        close()
        let flushed = await waitUntilEnded(within: limit)
        if !flushed {
            let unwritten = state.withLock { (frames: $0.queue.pendingFrames, bytes: $0.queue.pendingBytes) }
            logger.warning(
                "\(unwritten.frames) frames (\(unwritten.bytes) bytes) not written: the client did not read them within \(limit.secondsText)"
            )
        }
        return flushed
    }

    /// Waits (off the cooperative pool) until the writer has ended, after `close()` or a failed write, at most
    /// `limit`; returns whether it has.
    package func waitUntilEnded(within limit: Duration) async -> Bool {
        let state = state
        return await DetachedThread.run { state.wait(until: \.finished, timeout: limit) { _, finished in finished } }
    }

    private func enqueue(_ frame: [UInt8], priority: FramePriority) -> Bool {
        let now = ContinuousClock.now
        let (accepted, result) = state.withLock { state -> (Bool, OutboundQueue.EnqueueResult?) in
            guard !state.closing else { return (false, nil) }
            let result = state.queue.enqueue(frame, priority: priority, now: now)
            if !threaded { Self.writeQueued(&state, logger: logger) }
            return (true, result)
        }
        if case .startedDropping(let frames, let bytes, let fullFor) = result {
            logger.warning(
                "The client is not reading: \(frames) frames (\(bytes) bytes) waiting, the queue full for \(fullFor.secondsText); dropping $/progress reports and chat deltas until it catches up"
            )
        }
        return accepted
    }

    /// The writer thread: sleeps until frames are queued, writes them in batches, and ends when closed and
    /// drained, or when a write fails.
    private static func writeLoop(_ state: ConditionLock<State>, logger: Logger) {
        var buffer: [UInt8] = []
        while true {
            let (batch, fd) = state.wait(until: { $0.queue.hasQueuedFrames || $0.closing }) { state, _ in
                (state.queue.takeBatch(maximumBytes: batchBytes), state.fd)
            }
            if batch.isEmpty { break }  // closing, and everything is written
            let error = write(batch, to: fd, through: &buffer)
            let (report, discarded) = state.withLock {
                state -> (OutboundQueue.DropReport?, (frames: Int, bytes: Int)?) in
                let report = state.queue.finishBatch(now: .now)
                guard error != nil else { return (report, nil) }
                state.closing = true
                return (report, state.queue.removeAll())
            }
            if let report { logCaughtUp(report, logger: logger) }
            if let error, let discarded {
                logger.notice(
                    "The client stopped reading (write failed: \(error)); \(discarded.frames) queued frames discarded, later ones are not sent"
                )
                break
            }
        }
        state.withLock { finish(&$0, logger: logger) }
    }

    /// The fallback when there is no writer thread: writes everything queued, with the lock held.
    private static func writeQueued(_ state: inout State, logger: Logger) {
        var buffer: [UInt8] = []
        while state.fd >= 0, state.queue.hasQueuedFrames {
            let error = write(state.queue.takeBatch(maximumBytes: batchBytes), to: state.fd, through: &buffer)
            if let report = state.queue.finishBatch(now: .now) { logCaughtUp(report, logger: logger) }
            if error != nil {
                _ = state.queue.removeAll()
                state.closing = true
                finish(&state, logger: logger)
            }
        }
    }

    /// Closes the descriptor and marks the writer finished (with the lock held).
    private static func finish(_ state: inout State, logger: Logger) {
        guard !state.finished else { return }
        if let report = state.queue.endDropping(now: .now) {
            logger.warning("Closing while the client is behind: dropped \(report.frames) droppable notifications")
        }
        if state.fd >= 0 { POSIX.close(state.fd) }
        state.fd = -1
        state.finished = true
    }

    private static func logCaughtUp(_ report: OutboundQueue.DropReport, logger: Logger) {
        logger.notice(
            "The client caught up after \(report.duration.secondsText): dropped \(report.frames) droppable notifications (\(report.bytes) bytes)"
        )
    }

    /// Writes `frames` in one go (copied into `buffer` when there are several); the error text if it failed.
    private static func write(_ frames: [[UInt8]], to fd: Int32, through buffer: inout [UInt8]) -> String? {
        if frames.count == 1 { return frames[0].withUnsafeBytes { writeAll(fd, $0) } }
        buffer.removeAll(keepingCapacity: true)
        for frame in frames { buffer.append(contentsOf: frame) }
        return buffer.withUnsafeBytes { writeAll(fd, $0) }
    }

    private static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> String? {
        guard fd >= 0 else { return "closed" }
        return POSIX.writeAll(fd, bytes).map { String(cString: strerror($0)) }
    }
}

extension MessageWriter {
    /// Enqueues raw bytes without framing (tests use it to send malformed input), in order with the frames.
    package func writeRaw(_ bytes: [UInt8]) -> Bool {
        enqueue(bytes, priority: .essential)
    }
}

extension Duration {
    /// `2.5 s`: for log lines.
    fileprivate var secondsText: String {
        let milliseconds = components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
        return "\(milliseconds / 1000).\(milliseconds % 1000 / 100) s"
    }
}
