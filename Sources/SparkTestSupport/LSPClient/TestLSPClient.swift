import AgentCore
import Logging
import SparkJSON
import SparkLSP
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An LSP client for tests: send a typed request and await the typed reply, wait for a
/// notification of a type, answer server-to-client requests with handlers, write raw bytes.
/// Talks to an in-process `LSPServer` over pipes (`inProcess`) or to any pair of descriptors
/// (a child process).
public final class TestLSPClient: Sendable {
    public typealias ServerRequestHandler = @Sendable (JSONValue) async throws -> any Encodable & Sendable

    /// The client side of the connection.
    public let connection: JSONRPCConnection
    /// The in-process server, when there is one.
    public let server: LSPServer?
    private let serverTask: Task<Int32, Never>?
    private let notifications = Mailbox<ReceivedNotification>()
    private let responses = Mailbox<ReceivedResponse>()
    /// Handlers for server-to-client requests, by method; guarded by the mutex.
    private let handlers = Mutex<[String: ServerRequestHandler]>([:])
    /// How long waits last before they fail.
    public let timeout: Duration

    /// Connects to a server reading `serverInput`'s other end and writing `serverOutput`'s:
    /// the client reads `input` and writes `output` (taking ownership of both).
    public convenience init(input: Int32, output: Int32, timeout: Duration = .seconds(30), logger: Logger = .silent) {
        self.init(input: input, output: output, server: nil, serverTask: nil, timeout: timeout, logger: logger)
    }

    private init(
        input: Int32, output: Int32, server: LSPServer?, serverTask: Task<Int32, Never>?, timeout: Duration,
        logger: Logger
    ) {
        connection = JSONRPCConnection(input: input, output: output, logger: logger)
        self.server = server
        self.serverTask = serverTask
        self.timeout = timeout
        connection.start(
            onMessage: { [self] message in receive(message) },
            onClose: { [notifications, responses] in
                notifications.close()
                responses.close()
            })
    }

    /// Starts an `LSPServer` in this process, connected through pipes. `setUp` may register handlers.
    public static func inProcess(
        configuration: ServerConfiguration = ServerConfiguration(),
        timeout: Duration = .seconds(30),
        logger: Logger = .silent,
        setUp: (LSPServer) -> Void = { _ in }
    ) throws -> TestLSPClient {
        let toServer = try Pipe.make()
        let toClient = try Pipe.make()
        let server = LSPServer(
            input: toServer.read, output: toClient.write, configuration: configuration, logger: logger)
        setUp(server)
        let task = Task { await server.run() }
        return TestLSPClient(
            input: toClient.read, output: toServer.write, server: server, serverTask: task, timeout: timeout,
            logger: logger)
    }

    /// Sends a request and awaits its typed reply (throws `ResponseError` for an error reply).
    public func send<R: LSPRequest>(_ request: R) async throws -> R.Response {
        try await connection.send(request, timeout: timeout)
    }

    /// Sends a notification.
    public func notify<N: LSPNotification>(_ notification: N) {
        connection.notify(notification)
    }

    /// The next notification of type `N` (others stay queued).
    public func nextNotification<N: LSPNotification>(ofType type: N.Type) async throws -> N {
        let received = try await notifications.next(timeout: timeout, description: N.method) { $0.method == N.method }
        return try MessageCoding.decodeParams(N.self, from: received.params)
    }

    /// Notifications of type `N` received so far and not yet consumed (does not wait).
    public func queuedNotifications<N: LSPNotification>(ofType type: N.Type) -> [N] {
        var matching: [N] = []
        for received in notifications.drain() {
            if received.method == N.method, let value = try? MessageCoding.decodeParams(N.self, from: received.params) {
                matching.append(value)
            } else {
                notifications.post(received)
            }
        }
        return matching
    }

    /// The next response that matched no typed request (answers to raw input, `null`-id errors).
    public func nextUnmatchedResponse() async throws -> ReceivedResponse {
        try await responses.next(timeout: timeout, description: "a response")
    }

    /// The response with `id`, to a request the test wrote itself (`writeFrame`), so that it can cancel it with
    /// `$/cancelRequest` at a moment of its choosing and still see the one reply every request gets.
    public func response(to id: RequestID, timeout: Duration? = nil) async throws -> ReceivedResponse {
        try await responses.next(timeout: timeout ?? self.timeout, description: "the response to \(id)") {
            $0.id == id
        }
    }

    /// Answers the server-to-client request `R` with `handler` (unhandled ones get -32601).
    public func handle<R: LSPRequest>(_ type: R.Type, _ handler: @escaping @Sendable (R) async throws -> R.Response) {
        handlers.withLock { handlers in
            handlers[R.method] = { params in try await handler(try MessageCoding.decodeParams(R.self, from: params)) }
        }
    }

    /// Writes raw bytes to the server, unframed.
    public func writeRaw(_ bytes: [UInt8]) { connection.writeRaw(bytes) }

    /// Writes one frame with a correct `Content-Length` around `body`.
    public func writeFrame(_ body: String) {
        writeRaw(Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8))
    }

    /// `initialize` then `initialized`.
    @discardableResult
    public func initialize(capabilities: ClientCapabilities = ClientCapabilities(), rootURI: DocumentURI? = nil)
        async throws -> InitializeResult
    {
        let result = try await send(
            InitializeRequest(
                processId: nil, clientInfo: ClientInfo(name: "TestLSPClient"), rootUri: rootURI,
                capabilities: capabilities))
        notify(InitializedNotification())
        return result
    }

    /// Closes the client's output: the server sees end of input.
    public func closeOutput() { connection.closeOutput() }

    /// The in-process server's exit code, once it stops.
    public func serverExitCode() async -> Int32? { await serverTask?.value }

    private func receive(_ message: IncomingMessage) {
        switch message {
        case .notification(let method, let params):
            notifications.post(ReceivedNotification(method: method, params: params))
        case .response(let id, let result, let error):
            responses.post(ReceivedResponse(id: id, error: error, result: result))
        case .request(let id, let method, let params):
            let handler = handlers.withLock { $0[method] }
            let connection = connection
            Task {
                guard let handler else { return connection.reply(to: id, error: .methodNotFound(method)) }
                do {
                    connection.reply(to: id, result: try await handler(params))
                } catch {
                    connection.reply(to: id, error: ResponseError(error))
                }
            }
        case .invalid(let id, let error):
            responses.post(ReceivedResponse(id: id, error: error, result: .null))
        }
    }
}
