import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A scripted OpenAI-compatible HTTP/1.1 server on 127.0.0.1 (random port) that speaks vLLM's wire format.
///
/// ```swift
/// let server = try ScriptedModelServer()
/// server.enqueue(.text("Hello", chunks: 3))
/// server.enqueue(.toolCalls([ScriptedToolCall(name: "read_file", arguments: ["path": "a.swift"])]))
/// let client = HTTPModelClient(logger: logger)
/// for try await event in client.streamChat(request, endpoint: server.endpoint) { ... }
/// #expect(server.requests.last?.body?["model"] == "test-model")
/// ```
///
/// Chat replies come from a queue, consumed one per `POST /v1/chat/completions` (an empty queue answers 500).
/// `GET /v1/models` lists `models` and `POST /v1/embeddings` returns `[utf8 length, index, 1]` per input,
/// unless replies were queued for those routes. Connections are kept alive (`acceptedConnections` counts them),
/// every request is recorded, and `waitForDisconnect` awaits a client closing mid-reply (for cancellation tests).
/// Usage figures: 10 prompt tokens per message; one completion token per delta. The server stops on `deinit`.
public final class ScriptedModelServer: Sendable {
    /// A socket call failed while setting up the server.
    public struct SocketError: Error, Sendable, CustomStringConvertible {
        public var operation: String
        public var code: Int32
        public var description: String { "\(operation) failed: \(String(cString: strerror(code)))" }
    }

    private let core: ScriptedModelServerCore

    /// Binds 127.0.0.1 on a random port. With `listening: false` the port is bound but refuses connections
    /// until `startListening()` (to test retries after a refused connection).
    public init(models: [String] = ["test-model"], listening: Bool = true) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketError(operation: "socket", code: errno) }
        let port: Int
        do {
            port = try Self.bindLoopback(fd)
        } catch {
            close(fd)
            throw error
        }
        core = ScriptedModelServerCore(listenFD: fd, port: port, models: models)
        if listening { try core.startListening() }
    }

    deinit { core.stop() }

    /// The port the server is bound to.
    public var port: Int { core.port }

    /// `http://127.0.0.1:<port>/v1`, with `apiKey` when given.
    public func endpoint(apiKey: String? = nil) -> ModelEndpoint {
        ModelEndpoint(baseURL: "http://127.0.0.1:\(port)/v1", apiKey: apiKey)
    }

    /// `http://127.0.0.1:<port>/v1` without an API key.
    public var endpoint: ModelEndpoint { endpoint() }

    /// Starts accepting connections (a no-op when already listening).
    public func startListening() throws { try core.startListening() }

    /// Queues a reply for the next request on `route`.
    public func enqueue(_ reply: ScriptedReply, for route: ScriptedRoute = .chatCompletions) {
        core.state.withLock { $0.queues[route, default: []].append(reply) }
    }

    /// Decides the reply to a request on a route whose queue is empty; `nil` falls back to the default reply.
    /// Called on the connection's thread, one call per request, possibly concurrently for several connections.
    public typealias Responder = @Sendable (RecordedRequest) -> ScriptedReply?

    /// Answers every request whose route has nothing queued with `responder` (a script that depends on the
    /// request, such as a long soak's: which conversation, which step of it); queued replies still come first.
    public func respond(with responder: @escaping Responder) {
        core.state.withLock { $0.responder = responder }
    }

    /// Every request received so far (since the last `forgetRequests()`), in arrival order.
    public var requests: [RecordedRequest] { core.state.withLock { $0.requests } }

    /// Forgets the requests received so far; with `recording: false`, keeps none from now on (a long run that
    /// would otherwise hold every request body).
    public func forgetRequests(recording: Bool = true) {
        core.state.withLock { state in
            state.requests.removeAll()
            state.recording = recording
        }
    }

    /// How many TCP connections the server has accepted.
    public var acceptedConnections: Int { core.state.withLock { $0.acceptedConnections } }

    /// How many clients closed their connection in the middle of a reply (a stall or a stream).
    public var midReplyDisconnects: Int { core.state.withLock { $0.disconnects } }

    /// Waits until `count` clients in total have closed their connection mid-reply; `false` after `timeout`
    /// (a hang turned into a failure, not a synchronisation delay).
    public func waitForDisconnect(count: Int = 1, timeout: Duration = .seconds(20)) async -> Bool {
        await wait(for: .disconnects, count: count, timeout: timeout)
    }

    /// Waits until the server has received `count` requests in total (since it started); `false` after `timeout`.
    public func waitForRequests(count: Int = 1, timeout: Duration = .seconds(20)) async -> Bool {
        await wait(for: .requests, count: count, timeout: timeout)
    }

    private func wait(for counter: ScriptedModelServerCore.Counter, count: Int, timeout: Duration) async -> Bool {
        let core = self.core
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await core.reached(counter, atLeast: count)
                return !Task.isCancelled
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    /// Stops accepting and closes every open connection.
    public func stop() { core.stop() }

    /// An endpoint on a port where nothing listens (connections are refused).
    public static func refusingEndpoint() throws -> ModelEndpoint {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketError(operation: "socket", code: errno) }
        defer { close(fd) }
        let port = try bindLoopback(fd)
        return ModelEndpoint(baseURL: "http://127.0.0.1:\(port)/v1")
    }

    private static func bindLoopback(_ fd: Int32) throws -> Int {
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw SocketError(operation: "bind", code: errno) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw SocketError(operation: "getsockname", code: errno) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
