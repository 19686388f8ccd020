import Logging
import SparkJSON
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The language server: reads messages from one descriptor, writes to another, and routes each
/// method to a handler in its table. Requests run as tracked tasks; notifications run in order.
///
/// ```swift
/// let server = LSPServer(input: 0, output: protocolFD, logger: logger)
/// server.register(MyRequest.self) { request, context in ... }
/// let exitCode = await server.run()
/// ```
public final class LSPServer: Sendable {
    /// Shared with every handler.
    public let context: ServerContext
    /// The handler table; registration may happen before or during `run()`.
    private let handlers: Mutex<HandlerRegistry>
    private let tracker = RequestTracker()

    /// Serves on `input`/`output` (taking ownership of both descriptors), with the default handlers.
    public init(input: Int32, output: Int32, configuration: ServerConfiguration = ServerConfiguration(), logger: Logger)
    {
        let connection = JSONRPCConnection(
            input: input, output: output, logger: logger, maximumFrameLength: configuration.maximumFrameLength,
            writerLimits: configuration.writerLimits)
        context = ServerContext(
            connection: connection, documents: DocumentStore(logger: logger), configuration: configuration,
            logger: logger)
        var registry = HandlerRegistry()
        DefaultHandlers.register(into: &registry)
        #if DEBUG
            if let number = configuration.dropDidChangeNumber {
                DocumentHandlers.register(DropChangeHook(target: number), into: &registry)
            }
        #endif
        handlers = Mutex(registry)
    }

    /// Registers (or replaces) a request handler.
    public func register<R: LSPRequest>(
        _ type: R.Type, _ handler: @escaping @Sendable (R, ServerContext) async throws -> R.Response
    ) {
        handlers.withLock { $0.register(type, handler) }
    }

    /// Registers (or replaces) a notification handler.
    public func register<N: LSPNotification>(
        _ type: N.Type, _ handler: @escaping @Sendable (N, ServerContext) async throws -> Void
    ) {
        handlers.withLock { $0.register(type, handler) }
    }

    /// Serves until `exit` or end of input; returns the process exit code (0 after `shutdown`, else 1) once the
    /// frames already sent are written (at most `writerLimits.exitFlushLimit`) and the output is closed.
    public func run() async -> Int32 {
        let (messages, continuation) = AsyncStream<IncomingMessage>.makeStream()
        context.connection.start(
            onMessage: { [tracker] message in
                switch message {
                case .notification(CancelRequestNotification.method, let params):
                    // Overtakes the queue.
                    if let cancel = try? MessageCoding.decodeParams(CancelRequestNotification.self, from: params) {
                        tracker.cancel(cancel.id)
                    }
                    return
                case .request(let id, _, _):
                    tracker.enqueue(id)
                default:
                    break
                }
                continuation.yield(message)
            },
            onClose: { continuation.finish() })
        for await message in messages {
            switch message {
            case .request(let id, let method, let params):
                await handleRequest(id: id, method: method, params: params)
            case .notification(ExitNotification.method, _):
                return await finish(reason: "exit")
            case .notification(let method, let params):
                await handleNotification(method: method, params: params)
            case .response(let id, _, let error):
                context.logger.warning(
                    "Response to an unknown request \(id.map(String.init(describing:)) ?? "null"): \(error.map(String.init(describing:)) ?? "result")"
                )
            case .invalid(let id, let error):
                context.logger.warning("Invalid message: \(error.message)")
                context.connection.reply(to: id, error: error)
            }
        }
        return await finish(reason: "end of input")
    }

    private func finish(reason: String) async -> Int32 {
        tracker.cancelAll()
        let code: Int32 = context.state.lifecycle == .shutDown ? 0 : 1
        context.logger.info("Stopping on \(reason), exit code \(code)")
        await context.connection.closeOutput(flushingWithin: context.configuration.writerLimits.exitFlushLimit)
        return code
    }

    private func handleRequest(id: RequestID, method: String, params: JSONValue) async {
        let connection = context.connection
        switch (context.state.lifecycle, method) {
        case (.uninitialized, InitializeRequest.method), (.initialized, ShutdownRequest.method):
            tracker.finish(id)
            await runLifecycleRequest(id: id, method: method, params: params)
            return
        case (.uninitialized, _):
            tracker.finish(id)
            connection.reply(to: id, error: .serverNotInitialized)
            return
        case (_, InitializeRequest.method):
            tracker.finish(id)
            connection.reply(to: id, error: .invalidRequest("initialize may only be sent once"))
            return
        case (.shutDown, _):
            tracker.finish(id)
            connection.reply(to: id, error: .invalidRequest("the server is shutting down"))
            return
        case (.initialized, _):
            break
        }
        guard let handler = handlers.withLock({ $0.requests[method] }) else {
            tracker.finish(id)
            connection.reply(to: id, error: .methodNotFound(method))
            return
        }
        let context = context
        let tracker = tracker
        let started = tracker.start(id) {
            Task {
                defer { tracker.finish(id) }
                do {
                    let result = try await handler(params, context)
                    if Task.isCancelled {
                        connection.reply(to: id, error: .cancelled)
                    } else {
                        connection.reply(to: id, result: result)
                    }
                } catch {
                    let responseError = Task.isCancelled ? ResponseError.cancelled : ResponseError(error)
                    if responseError.code != .requestCancelled {
                        context.logger.debug("\(method) failed: \(responseError)")
                    }
                    connection.reply(to: id, error: responseError)
                }
            }
        }
        if !started { connection.reply(to: id, error: .cancelled) }
    }

    private func handleNotification(method: String, params: JSONValue) async {
        let lifecycle = context.state.lifecycle
        guard lifecycle == .initialized else {
            context.logger.debug("Dropped \(method) (server is \(lifecycle))")
            return
        }
        guard let handler = handlers.withLock({ $0.notifications[method] }) else {
            context.logger.debug("Ignored notification \(method)")
            return
        }
        do {
            try await handler(params, context)
        } catch {
            let message = "\(method): \(ResponseError(error).message)"
            context.logger.warning("\(message)")
            context.logMessage(.warning, message)
        }
    }
}
