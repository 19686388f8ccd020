import Logging
import SparkJSON
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A JSON-RPC 2.0 connection over a pair of file descriptors: one reader thread, one writer thread
/// fed by a queue (`MessageWriter`), and the table of our requests awaiting the peer's responses.
/// Used by the server and, symmetrically, by the test client.
public final class JSONRPCConnection: Sendable {
    private struct State: ~Copyable {
        var nextID = 1
        var pending: [RequestID: CheckedContinuation<JSONValue, any Error>] = [:]
        var closed = false
    }

    private let inputFD: Int32
    private let writer: MessageWriter
    private let maximumFrameLength: Int
    private let logger: Logger
    /// Pending requests and the id counter; small hot state behind a mutex.
    private let state = Mutex(State())

    /// Reads frames from `input` and writes them to `output`; takes ownership of both descriptors.
    public init(
        input: Int32, output: Int32, logger: Logger, maximumFrameLength: Int = FrameParser.defaultMaximumFrameLength,
        writerLimits: WriterLimits = WriterLimits()
    ) {
        self.inputFD = input
        self.writer = MessageWriter(fd: output, limits: writerLimits, logger: logger)
        self.maximumFrameLength = maximumFrameLength
        self.logger = logger
    }

    /// Starts the reader thread. `onMessage` gets requests, notifications, invalid messages
    /// (framing errors included, as `.invalid` with a `nil` id) and responses that match none of
    /// our requests, in stream order on the reader thread. `onClose` runs once at end of input.
    public func start(
        onMessage: @escaping @Sendable (IncomingMessage) -> Void,
        onClose: @escaping @Sendable () -> Void
    ) {
        let logger = logger
        MessageReader.start(
            fd: inputFD,
            maximumFrameLength: maximumFrameLength,
            onEvent: { [self] event in
                switch event {
                case .frame(let body):
                    let message = IncomingMessage.parse(body)
                    if case .response(let id?, let result, let error) = message,
                        resolve(id: id, result: result, error: error)
                    {
                        return
                    }
                    onMessage(message)
                case .malformedHeader(let reason):
                    logger.warning("Malformed header: \(reason)")
                    onMessage(
                        .invalid(
                            id: nil,
                            error: ResponseError(code: .parseError, message: "Parse error: malformed header: \(reason)")
                        ))
                case .oversized(let length):
                    logger.warning("Refused a frame of \(length) bytes (limit \(maximumFrameLength))")
                    onMessage(
                        .invalid(
                            id: nil,
                            error: .invalidRequest(
                                "frame of \(length) bytes exceeds the \(maximumFrameLength)-byte limit")))
                case .truncated:
                    logger.warning("Input ended in the middle of a message")
                }
            },
            onEnd: { [self] in
                failAll()
                onClose()
            }
        )
    }

    /// Sends a request and awaits its typed response. Throws `ResponseError` when the peer answers
    /// with an error, `ConnectionError` on timeout or close, `CancellationError` when cancelled
    /// (the peer then gets `$/cancelRequest`).
    public func send<R: LSPRequest>(_ request: R, timeout: Duration? = .seconds(60)) async throws -> R.Response {
        let result = try await sendRequest(method: R.method, params: request, timeout: timeout)
        return try MessageCoding.decodeResult(R.Response.self, from: result)
    }

    /// Sends a request with any params and returns the response's `result`.
    public func sendRequest(method: String, params: some Encodable & Sendable, timeout: Duration?) async throws
        -> JSONValue
    {
        let id = state.withLock { state -> RequestID in
            defer { state.nextID += 1 }
            return .number(state.nextID)
        }
        let frame = try MessageCoding.request(id: id, method: method, params: params)
        let timeoutTask = timeout.map { timeout in
            Task { [self] in
                try await Task.sleep(for: timeout)
                fail(id: id, with: ConnectionError(code: .timedOut, method: method))
            }
        }
        defer { timeoutTask?.cancel() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let closed = state.withLock { state in
                    if !state.closed { state.pending[id] = continuation }
                    return state.closed
                }
                if closed {
                    continuation.resume(throwing: ConnectionError(code: .closed, method: method))
                } else if Task.isCancelled {
                    fail(id: id, with: CancellationError())
                } else if !writer.write(body: frame) {
                    fail(id: id, with: ConnectionError(code: .closed, method: method))
                }
            }
        } onCancel: { [self] in
            if fail(id: id, with: CancellationError()) {
                notify(CancelRequestNotification(id: id))
            }
        }
    }

    /// Sends a notification; a `droppable` one may be dropped while the peer is not reading.
    public func notify<N: LSPNotification>(_ notification: N, priority: FramePriority = .essential) {
        send(method: N.method, params: notification, priority: priority)
    }

    /// Sends a notification with any params; a `droppable` one may be dropped while the peer is not reading.
    public func send(method: String, params: some Encodable, priority: FramePriority = .essential) {
        do {
            writer.write(body: try MessageCoding.notification(method: method, params: params), priority: priority)
        } catch {
            logger.error("Could not encode \(method): \(error)")
        }
    }

    /// Answers a request with a result.
    public func reply(to id: RequestID, result: some Encodable) {
        do {
            writer.write(body: try MessageCoding.response(id: id, result: result))
        } catch {
            reply(to: id, error: .internalError("could not encode the result: \(error)"))
        }
    }

    /// Answers a request (or an unreadable message, with a `nil` id) with an error.
    public func reply(to id: RequestID?, error: ResponseError) {
        writer.write(body: MessageCoding.errorResponse(id: id, error: error))
    }

    /// Writes raw bytes, unframed (tests use it to send malformed input).
    package func writeRaw(_ bytes: [UInt8]) {
        _ = writer.writeRaw(bytes)
    }

    /// Closes the output once the frames already sent are written (without waiting for that); pending requests
    /// fail with `ConnectionError.closed`.
    public func closeOutput() {
        writer.close()
        failAll()
    }

    /// Closes the output and waits until the frames already sent are written, at most `limit`; returns whether
    /// they were. Pending requests fail with `ConnectionError.closed`.
    @discardableResult
    public func closeOutput(flushingWithin limit: Duration) async -> Bool {
        failAll()
        return await writer.close(flushingWithin: limit)
    }

    /// Resumes the pending request `id`; returns `false` when there is none.
    private func resolve(id: RequestID, result: JSONValue, error: ResponseError?) -> Bool {
        guard let continuation = state.withLock({ $0.pending.removeValue(forKey: id) }) else { return false }
        if let error {
            continuation.resume(throwing: error)
        } else {
            continuation.resume(returning: result)
        }
        return true
    }

    @discardableResult
    private func fail(id: RequestID, with error: any Error) -> Bool {
        guard let continuation = state.withLock({ $0.pending.removeValue(forKey: id) }) else { return false }
        continuation.resume(throwing: error)
        return true
    }

    private func failAll() {
        let pending = state.withLock { state in
            state.closed = true
            defer { state.pending.removeAll() }
            return state.pending
        }
        for continuation in pending.values {
            continuation.resume(throwing: ConnectionError(code: .closed, method: "request"))
        }
    }
}
