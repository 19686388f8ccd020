import AgentCore
import SparkJSON
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The state and socket loops of `ScriptedModelServer`, shared by its threads.
final class ScriptedModelServerCore: Sendable {
    struct State: ~Copyable {
        var queues: [ScriptedRoute: [ScriptedReply]] = [:]
        var requests: [RecordedRequest] = []
        var acceptedConnections = 0
        var disconnects = 0
        /// Requests received, also while `recording` is off.
        var received = 0
        var waiters: [Int: (counter: Counter, count: Int, continuation: CheckedContinuation<Void, Never>)] = [:]
        var nextWaiter = 0
        var openConnections: Set<Int32> = []
        /// The holds a request waits at now, for `POST /scripted/release`.
        var holding: [ScriptedHold] = []
        /// Releases posted while no request was held: the next held requests go on at once.
        var earlyReleases = 0
        /// Answers requests on routes whose queue is empty (`ScriptedModelServer.respond(with:)`).
        var responder: ScriptedModelServer.Responder?
        /// Whether requests are kept in `requests`.
        var recording = true
        var stopped = false
        var listening = false
        /// Whether the accept loop has closed `listenFD` (after `stop` or a failed `accept`).
        var listenerClosed = false

        func value(of counter: Counter) -> Int {
            switch counter {
            case .requests: received
            case .disconnects: disconnects
            }
        }

        /// Removes and returns the waiters whose count `counter` has reached.
        mutating func dueWaiters(_ counter: Counter) -> [CheckedContinuation<Void, Never>] {
            let value = value(of: counter)
            let due = waiters.filter { $0.value.counter == counter && $0.value.count <= value }
            for key in due.keys { waiters[key] = nil }
            return due.values.map(\.continuation)
        }
    }

    /// What a test can wait for.
    enum Counter: Sendable { case requests, disconnects }

    let listenFD: Int32
    let port: Int
    let models: [String]
    let state = Mutex(State())

    init(listenFD: Int32, port: Int, models: [String]) {
        self.listenFD = listenFD
        self.port = port
        self.models = models
    }

    func startListening() throws {
        // Under the lock, so that `stop` sees either a socket that never listened (and closes it) or one the
        // accept loop owns (and wakes it).
        let start = try state.withLock { state throws(ScriptedModelServer.SocketError) -> Bool in
            guard !state.listening, !state.stopped else { return false }
            guard listen(listenFD, 64) == 0 else {
                throw ScriptedModelServer.SocketError(operation: "listen", code: errno)
            }
            state.listening = true
            return true
        }
        if start { DetachedThread.start { [self] in acceptLoop() } }
    }

    /// Stops once; later calls do nothing. Every descriptor is shut down or closed under the lock, and only
    /// while this server still owns it: a descriptor closed twice, or shut down after its owner closed it,
    /// hits whatever another thread opened under the same number since (a child's pipe, a file being written).
    func stop() {
        state.withLock { state in
            guard !state.stopped else { return }
            state.stopped = true
            // `serve` removes a connection from the set (under this lock) before closing it.
            for fd in state.openConnections { shutdown(fd, Int32(SHUT_RDWR)) }
            if !state.listening {
                close(listenFD)
            } else if !state.listenerClosed {
                // Wakes the accept loop, which closes the socket.
                shutdown(listenFD, Int32(SHUT_RDWR))
            }
        }
    }

    private func acceptLoop() {
        while true {
            let fd = accept(listenFD, nil, nil)
            if fd < 0 {
                if errno == EINTR { continue }
                break
            }
            let number = state.withLock { state -> Int? in
                guard !state.stopped else { return nil }
                state.acceptedConnections += 1
                state.openConnections.insert(fd)
                return state.acceptedConnections
            }
            guard let number else {
                close(fd)
                break
            }
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            DetachedThread.start { [self] in serve(ServerConnection(fd: fd), number: number) }
        }
        state.withLock { state in
            state.listenerClosed = true
            close(listenFD)
        }
    }

    private func serve(_ connection: ServerConnection, number: Int) {
        defer {
            state.withLock { _ = $0.openConnections.remove(connection.fd) }
            close(connection.fd)
        }
        while let request = connection.readRequest() {
            let ending = respond(to: request, on: connection, number: number)
            if ending == .clientClosed { recordDisconnect() }
            if ending != .complete || request.headers["connection"]?.lowercased() == "close" { return }
        }
    }

    private func respond(to request: ServerConnection.Request, on connection: ServerConnection, number: Int)
        -> ReplyWriter.Ending
    {
        let bodyText = String(decoding: request.body, as: UTF8.self)
        let json = try? JSONValue(parsing: bodyText)
        let path = String(request.path.prefix { $0 != "?" })
        let route = ScriptedRoute(rawValue: path)
        let recorded = RecordedRequest(
            method: request.method, path: path, headers: request.headers, bodyText: bodyText, body: json,
            connection: number)
        let (queued, responder, arrived) = state.withLock { state in
            if state.recording { state.requests.append(recorded) }
            state.received += 1
            let arrived = state.dueWaiters(.requests)
            guard let route, var queue = state.queues[route], !queue.isEmpty else {
                return (ScriptedReply?.none, state.responder, arrived)
            }
            let reply = queue.removeFirst()
            state.queues[route] = queue
            return (reply, nil, arrived)
        }
        for waiter in arrived { waiter.resume() }
        var reply = queued
        if reply == nil, route != nil, let responder { reply = responder(recorded) }
        if path == ScriptedHold.releasePath {
            let released = state.withLock { state in
                defer { state.holding = [] }
                if state.holding.isEmpty { state.earlyReleases += 1 }
                return state.holding
            }
            for hold in released { hold.release() }
            reply = .json(["released": .int(released.count)])
        }
        while case .held(let hold, let then)? = reply {
            let releasedEarly = state.withLock { state in
                guard state.earlyReleases == 0 else {
                    state.earlyReleases -= 1
                    return true
                }
                state.holding.append(hold)
                return false
            }
            if releasedEarly { hold.release() }
            hold.hold(timeout: .seconds(60))
            state.withLock { $0.holding.removeAll { $0 === hold } }
            reply = then
        }
        let messages = json?["messages"]?.arrayValue?.count ?? 0
        let writer = ReplyWriter(
            connection: connection, wire: VLLMWireFormat(model: json?["model"]?.stringValue ?? models.first ?? "model"),
            streamed: json?["stream"]?.boolValue ?? false,
            includeUsage: json?["stream_options"]?["include_usage"]?.boolValue ?? false,
            promptTokens: messages * 10)
        return writer.write(reply ?? defaultReply(route: route, body: json))
    }

    private func defaultReply(route: ScriptedRoute?, body: JSONValue?) -> ScriptedReply {
        switch route {
        case .models?:
            let data: [JSONValue] = models.map { ["id": .string($0), "object": "model", "owned_by": "vllm"] }
            return .json(["object": "list", "data": .array(data)])
        case .embeddings?:
            let inputs = body?["input"]?.arrayValue ?? body?["input"].map { [$0] } ?? []
            let data: [JSONValue] = inputs.enumerated().map { index, input in
                let length = Double(input.stringValue?.utf8.count ?? 0)
                return [
                    "object": "embedding", "index": .int(index),
                    "embedding": [.double(length), .double(Double(index)), 1.0],
                ]
            }
            return .json(["object": "list", "data": .array(data), "model": body?["model"] ?? nil])
        case .chatCompletions?:
            return .error(status: 500, message: "ScriptedModelServer: no scripted reply left")
        case nil:
            return .error(status: 404, message: "Not Found")
        }
    }

    private func recordDisconnect() {
        let ready = state.withLock { state in
            state.disconnects += 1
            return state.dueWaiters(.disconnects)
        }
        for continuation in ready { continuation.resume() }
    }

    /// Waits until `counter` has reached `count`: requests received, or clients that closed their connection in
    /// the middle of a reply.
    func reached(_ counter: Counter, atLeast count: Int) async {
        let id = state.withLock { state -> Int in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.value(of: counter) >= count || Task.isCancelled { return true }
                    state.waiters[id] = (counter, count, continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let continuation = state.withLock { $0.waiters.removeValue(forKey: id)?.continuation }
            continuation?.resume()
        }
    }
}
