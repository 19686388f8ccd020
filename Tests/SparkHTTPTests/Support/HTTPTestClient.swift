import Foundation
import SparkJSON
import SparkTestSupport
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A plain-socket HTTP/1.1 client for the tests: one request per connection (`Connection: close`), the
/// response read on a thread of its own (blocking reads never touch the cooperative pool), chunked bodies
/// decoded as they arrive, so a stream's events can be read one by one and the connection closed mid-stream.
final class HTTPTestClient: Sendable {
    struct Failure: Error, CustomStringConvertible { var description: String }

    /// A response's head and its whole body.
    struct Reply: Sendable {
        var status: Int
        /// Header names lowercased.
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: JSONValue { (try? JSONValue(parsing: body)) ?? .null }
        /// The error code of a JSON error body.
        var errorCode: String? { json["error"]?["code"]?.stringValue }
        /// The server-sent events of the body.
        var events: [SSEMessage] { SSEMessage.parse(text) }
    }

    /// One server-sent event: its name and its data parsed as JSON.
    struct SSEMessage: Sendable {
        var event: String
        var data: JSONValue

        static func parse(_ text: String) -> [SSEMessage] {
            text.split(separator: "\n\n").compactMap { block in
                var event = "message"
                var data = ""
                for line in block.split(separator: "\n") {
                    if line.hasPrefix("event: ") { event = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") { data += line.dropFirst(6) }
                }
                guard let json = try? JSONValue(parsing: data) else { return nil }
                return SSEMessage(event: event, data: json)
            }
        }
    }

    private let fd: Int32
    /// The head once read, and the decoded body bytes as they arrive.
    let head: AsyncStream<(status: Int, headers: [String: String])>
    let body: AsyncStream<[UInt8]>

    /// Connects to 127.0.0.1:`port` and sends one request.
    init(port: Int, method: String, path: String, headers: [String: String] = [:], body: [UInt8]? = nil) throws {
        let fd = try Self.connectLoopback(port: port)
        self.fd = fd
        Self.send(Self.request(method, path, port: port, headers: headers, body: body, close: true), on: fd)
        let (head, headContinuation) = AsyncStream<(status: Int, headers: [String: String])>.makeStream()
        let (bodyStream, bodyContinuation) = AsyncStream<[UInt8]>.makeStream()
        self.head = head
        self.body = bodyStream
        DetachedThread.start {
            var reader = ResponseReader()
            var buffer = [UInt8](repeating: 0, count: 16384)
            while true {
                let count = read(fd, &buffer, buffer.count)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                let output = reader.feed(Array(buffer[..<count]))
                if let parsed = output.head { headContinuation.yield(parsed) }
                if !output.body.isEmpty { bodyContinuation.yield(output.body) }
                if output.finished { break }
            }
            headContinuation.finish()
            bodyContinuation.finish()
            close(fd)
        }
    }

    /// A TCP connection to 127.0.0.1:`port`.
    static func connectLoopback(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            throw Failure(description: "connect to \(port) failed: \(String(cString: strerror(errno)))")
        }
        return fd
    }

    /// A request's bytes; `close` asks the server to close the connection after the response.
    static func request(
        _ method: String, _ path: String, port: Int, headers: [String: String], body: [UInt8]?, close: Bool
    ) -> [UInt8] {
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
        if close { request += "Connection: close\r\n" }
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        if let body { request += "Content-Length: \(body.count)\r\n" }
        return Array((request + "\r\n").utf8) + (body ?? [])
    }

    /// Writes `bytes`, stopping early if the server stops reading (it may answer 413 before reading everything).
    static func send(_ bytes: [UInt8], on fd: Int32) {
        var bytes = bytes
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes {
                Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else { break }
            offset += written
        }
    }

    /// Hangs up (unblocking the reader thread).
    func hangUp() { shutdown(fd, Int32(SHUT_RDWR)) }

    /// The whole response.
    func reply() async throws -> Reply {
        var headIterator = head.makeAsyncIterator()
        guard let head = await headIterator.next() else { throw Failure(description: "no response head") }
        var body: [UInt8] = []
        for await chunk in self.body { body += chunk }
        return Reply(status: head.status, headers: head.headers, body: body)
    }

    /// The rest of the body, after the head was read from `head`, as server-sent events.
    func remainingEvents() async -> [SSEMessage] {
        var body: [UInt8] = []
        for await chunk in self.body { body += chunk }
        return SSEMessage.parse(String(decoding: body, as: UTF8.self))
    }

    /// Server-sent events as they arrive, after the head.
    func events() -> AsyncStream<SSEMessage> {
        let body = self.body
        return AsyncStream { continuation in
            let task = Task {
                var pending = ""
                for await chunk in body {
                    pending += String(decoding: chunk, as: UTF8.self)
                    while let end = pending.range(of: "\n\n") {
                        for message in SSEMessage.parse(String(pending[..<end.upperBound])) {
                            continuation.yield(message)
                        }
                        pending.removeSubrange(..<end.upperBound)
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Sends one request and reads the whole response; a hang becomes a failure after `timeout`.
    static func send(
        port: Int, _ method: String, _ path: String, headers: [String: String] = [:], body: [UInt8]? = nil,
        timeout: Duration = .seconds(30)
    ) async throws -> Reply {
        let client = try HTTPTestClient(port: port, method: method, path: path, headers: headers, body: body)
        return try await withDeadline(timeout) { try await client.reply() }
    }

    /// `POST path` with a JSON body.
    static func post(
        port: Int, _ path: String, json: String, headers: [String: String] = [:], timeout: Duration = .seconds(30)
    ) async throws -> Reply {
        var all = headers
        all["Content-Type"] = "application/json"
        return try await send(port: port, "POST", path, headers: all, body: Array(json.utf8), timeout: timeout)
    }
}

/// Parses a response: the head, then a body by `Content-Length`, chunked, or to the end of the connection.
struct ResponseReader {
    private var pending: [UInt8] = []
    private var headRead = false
    private var remaining: Int?  // Content-Length left, or the current chunk's bytes left
    private var chunked = false
    private var inChunk = false

    mutating func feed(_ bytes: [UInt8]) -> (
        head: (status: Int, headers: [String: String])?, body: [UInt8], finished: Bool
    ) {
        pending += bytes
        var head: (status: Int, headers: [String: String])?
        if !headRead {
            guard let end = pending.firstRange(of: Array("\r\n\r\n".utf8)) else { return (nil, [], false) }
            let lines = String(decoding: pending[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
            let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
            var headers: [String: String] = [:]
            for line in lines.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                    in: .whitespaces)
            }
            pending.removeSubrange(..<end.upperBound)
            headRead = true
            chunked = headers["transfer-encoding"]?.lowercased() == "chunked"
            if !chunked, let length = headers["content-length"].flatMap(Int.init) { remaining = length }
            head = (status, headers)
        }
        var body: [UInt8] = []
        if !chunked {
            body = pending
            pending = []
            if let left = remaining {
                remaining = left - body.count
                return (head, body, left - body.count <= 0)
            }
            return (head, body, false)
        }
        while true {
            if inChunk, let left = remaining {
                guard pending.count >= left + 2 else { break }
                body += pending[..<left]
                pending.removeSubrange(..<(left + 2))
                inChunk = false
            } else {
                guard let end = pending.firstRange(of: Array("\r\n".utf8)) else { break }
                let size =
                    Int(String(decoding: pending[..<end.lowerBound], as: UTF8.self).split(separator: ";")[0], radix: 16)
                    ?? 0
                pending.removeSubrange(..<end.upperBound)
                if size == 0 { return (head, body, true) }
                remaining = size
                inChunk = true
            }
        }
        return (head, body, false)
    }
}
