import AgentCore
import Foundation
import Logging
import MCP
import SparkJSON
import Synchronization

/// MCP's streamable-HTTP transport, client side, over the project's libcurl client (`JSONHTTPClient.stream`): each
/// message is a POST whose answer is JSON or a `text/event-stream` read as it arrives, and a GET stream carries what
/// the server sends on its own (`notifications/tools/list_changed`). It keeps the server's `MCP-Session-Id`, sends the
/// negotiated `MCP-Protocol-Version`, and the configured headers on every request.
///
/// Hand-written because the SDK's `HTTPClientTransport` (0.12.1) does not work on Linux with servers that answer in
/// SSE, the Python SDK's default: there it reads each response whole (`URLSession.data(for:)`; FoundationNetworking
/// has no streaming `bytes(for:)`) and hands an SSE body on as one message, unparsed, which the `Client` cannot
/// decode and drops, so `initialize` never gets its answer and the connection hangs. It also opens no GET stream
/// there. Here SSE is parsed with AgentCore's `SSEParser`, so a call's progress arrives during the call.
actor StreamableHTTPTransport: Transport {
    /// Why a request got no usable answer.
    struct Failure: Error, CustomStringConvertible {
        var message: String
        /// Whether the server is gone: the connection refused or cut, or our session forgotten (it restarted).
        var serverGone: Bool
        /// Whether nothing came for longer than the transfer's timeout.
        var timedOut = false
        var description: String { message }
    }

    /// What the transfer threads share with the actor.
    private struct Session {
        var id: String?
        var protocolVersion: String?
        /// The JSON-RPC id of `initialize`, whose answer names the protocol version.
        var initializeID: JSONValue?
    }

    nonisolated let logger: Logger
    private let endpoint: String
    /// The configured headers, as `Name: value` lines.
    private let headers: [String]
    private let http: JSONHTTPClient
    private let session = Mutex(Session())
    private let messages: AsyncThrowingStream<Data, any Error>
    private let continuation: AsyncThrowingStream<Data, any Error>.Continuation
    private var connected = false
    private var transfers: [Int: Task<Void, any Error>] = [:]
    /// The transfer of each request in flight, by its JSON-RPC id (serialized): `notifications/cancelled` ends it.
    private var requestTransfers: [String: Int] = [:]
    private var nextTransfer = 0
    private var listening: Task<Void, Never>?

    /// - Parameter headers: sent on every request (a value with a line break is left out).
    init(endpoint: String, headers: [String: String], logger: Logger) {
        self.endpoint = endpoint
        self.headers = headers.sorted { $0.key < $1.key }.compactMap { name, value in
            name.contains(where: \.isNewline) || value.contains(where: \.isNewline) ? nil : "\(name): \(value)"
        }
        self.logger = logger
        // A call may work for as long as its MCP timeout allows, silently; that timeout (or cancellation) ends it.
        http = JSONHTTPClient(
            timeouts: TransportTimeouts(connect: .seconds(10), firstByte: .seconds(86_400), idle: .seconds(86_400)),
            userAgent: "spark-mcp")
        (messages, continuation) = AsyncThrowingStream.makeStream()
    }

    func connect() async throws {
        connected = true
    }

    /// Ends every transfer and the message stream, and ends the session on the server (not awaited).
    func disconnect() async {
        guard connected else { return }
        connected = false
        listening?.cancel()
        listening = nil
        for transfer in transfers.values { transfer.cancel() }
        transfers = [:]
        requestTransfers = [:]
        continuation.finish()
        if session.withLock({ $0.id }) != nil {
            let (http, endpoint, headers) = (http, endpoint, requestHeaders(accept: nil))
            Task.detached {
                _ = try? await http.stream(
                    "DELETE", endpoint, body: nil, headers: headers, head: { _, _ in }, receive: { _ in nil })
            }
        }
    }

    func receive() -> AsyncThrowingStream<Data, any Error> { messages }

    /// POSTs one message; returns when its answer (a JSON body or an SSE stream) has ended, having handed on what
    /// the answer carried.
    func send(_ data: Data) async throws {
        guard connected else { throw Failure(message: "not connected", serverGone: false) }
        let message = try? JSONValue(parsing: data)
        let method = message?["method"]?.stringValue
        let requestID = method == nil ? nil : message?["id"]
        if method == "initialize", let requestID { session.withLock { $0.initializeID = requestID } }
        let key = nextTransfer
        nextTransfer += 1
        let transfer = Task { try await self.post(data) }
        transfers[key] = transfer
        if let requestID { requestTransfers[requestID.serialized()] = key }
        defer {
            transfers[key] = nil
            if let requestID { requestTransfers[requestID.serialized()] = nil }
        }
        try await withTaskCancellationHandler {
            try await transfer.value
        } onCancel: {
            transfer.cancel()
        }
        switch method ?? "" {
        case "notifications/cancelled":
            // The server was told; its answer to that request, if any, is no longer wanted.
            if let cancelled = message?["params"]?["requestId"], let other = requestTransfers[cancelled.serialized()] {
                transfers[other]?.cancel()
            }
        case "notifications/initialized":
            if listening == nil { listening = Task { await self.listen() } }
        default:
            break
        }
    }

    private nonisolated func post(_ data: Data) async throws {
        let reader = HTTPAnswerReader { [self] in deliver($0) }
        let sentSession = session.withLock { $0.id } != nil
        let response = try await transfer(
            "POST", body: [UInt8](data),
            headers: requestHeaders(accept: "application/json, text/event-stream")
                + ["Content-Type: application/json"], reader: reader)
        reader.finish()
        switch response.status {
        case 200..<300:
            return
        case 404 where sentSession:
            session.withLock { $0.id = nil }
            throw Failure(
                message: "\(endpoint) no longer knows our session (HTTP 404): the server restarted", serverGone: true)
        default:
            let text = response.text.count > 500 ? String(response.text.prefix(500)) + "..." : response.text
            throw Failure(
                message: "HTTP \(response.status) from \(endpoint)\(text.isEmpty ? "" : ": \(text)")", serverGone: false
            )
        }
    }

    /// The GET stream of the server's own messages, while connected: opened again when it ends cleanly (after the
    /// server's `retry`, else a second), given up when the server has none (405) or it fails.
    private func listen() async {
        while connected, !Task.isCancelled {
            let reader = HTTPAnswerReader { [self] in deliver($0) }
            do {
                let response = try await transfer(
                    "GET", body: nil, headers: requestHeaders(accept: "text/event-stream"), reader: reader)
                guard (200..<300).contains(response.status) else {
                    logger.debug("\(endpoint) offers no GET stream (HTTP \(response.status))")
                    return
                }
            } catch let failure as Failure where failure.timedOut {
                // A day of silence: open it again.
            } catch {
                logger.debug("\(endpoint): the GET stream ended: \(error)")
                return
            }
            try? await Task.sleep(for: .milliseconds(reader.retry ?? 1000))
        }
    }

    /// One request, its answer's headers and body handed to `reader` as they arrive.
    private nonisolated func transfer(_ method: String, body: [UInt8]?, headers: [String], reader: HTTPAnswerReader)
        async throws -> JSONHTTPClient.Response
    {
        do {
            return try await http.stream(
                method, endpoint, body: body, headers: headers,
                head: { [self] _, headers in
                    if let id = headers["mcp-session-id"] { session.withLock { $0.id = id } }
                    reader.start(contentType: headers["content-type"] ?? "")
                }, receive: { reader.receive($0) })
        } catch let error as JSONHTTPClient.TransportError {
            throw Failure(
                message: error.message, serverGone: error.kind == .unreachable || error.kind == .cut,
                timedOut: error.kind == .timeout)
        }
    }

    private nonisolated func requestHeaders(accept: String?) -> [String] {
        var lines = accept.map { ["Accept: \($0)"] } ?? []
        let (id, version) = session.withLock { ($0.id, $0.protocolVersion) }
        if let id { lines.append("Mcp-Session-Id: \(id)") }
        if let version { lines.append("Mcp-Protocol-Version: \(version)") }
        return lines + headers
    }

    /// Hands one message on; the answer to `initialize` also sets the protocol version of the later requests.
    private nonisolated func deliver(_ message: Data) {
        let initializeID = session.withLock { $0.initializeID }
        if let initializeID, let parsed = try? JSONValue(parsing: message), parsed["id"] == initializeID,
            let version = parsed["result"]?["protocolVersion"]?.stringValue
        {
            session.withLock {
                $0.protocolVersion = version
                $0.initializeID = nil
            }
        }
        continuation.yield(message)
    }
}
