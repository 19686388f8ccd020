import Logging
import Synchronization

/// What every handler gets: the connection (to notify and to send server-to-client requests),
/// the documents, the client's capabilities and settings, and the logger.
public final class ServerContext: Sendable {
    public let connection: JSONRPCConnection
    public let documents: DocumentStore
    public let logger: Logger
    public let configuration: ServerConfiguration
    /// Session facts written by the lifecycle handlers; small state behind a mutex.
    private let session = Mutex(SessionState())

    public init(
        connection: JSONRPCConnection, documents: DocumentStore, configuration: ServerConfiguration, logger: Logger
    ) {
        self.connection = connection
        self.documents = documents
        self.configuration = configuration
        self.logger = logger
    }

    /// A copy of the session state.
    public var state: SessionState { session.withLock { $0 } }

    /// Updates the session state.
    public func updateState<T>(_ body: (inout SessionState) -> T) -> T { session.withLock { body(&$0) } }

    /// The client's capabilities from `initialize`.
    public var clientCapabilities: ClientCapabilities { state.clientCapabilities }

    /// The negotiated position encoding.
    public var positionEncoding: PositionEncoding { state.positionEncoding }

    /// Sends a server-to-client request and awaits the response (default timeout from the configuration).
    public func send<R: LSPRequest>(_ request: R, timeout: Duration? = nil) async throws -> R.Response {
        try await connection.send(request, timeout: timeout ?? configuration.clientRequestTimeout)
    }

    /// Sends a notification to the client.
    public func notify<N: LSPNotification>(_ notification: N) { connection.notify(notification) }

    /// `window/logMessage`.
    public func logMessage(_ type: MessageType, _ message: String) {
        notify(LogMessageNotification(type: type, message: message))
    }

    /// `window/showMessage`.
    public func showMessage(_ type: MessageType, _ message: String) {
        notify(ShowMessageNotification(type: type, message: message))
    }

    /// `$/logTrace`, only when the client turned tracing on; `verbose` only at `verbose`.
    public func logTrace(_ message: String, verbose: String? = nil) {
        let trace = state.trace
        guard trace != .off else { return }
        notify(LogTraceNotification(message: message, verbose: trace == .verbose ? verbose : nil))
    }
}
