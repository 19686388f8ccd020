import SparkJSON
import SparkTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// One HTTP/1.1 connection kept open for several requests, one after the other (what wrk, browsers and HTTP
/// client libraries do). Reads run on a thread of their own, so blocking never touches the cooperative pool.
final class KeepAliveConnection: Sendable {
    private let fd: Int32
    private let port: Int

    init(port: Int) throws {
        fd = try HTTPTestClient.connectLoopback(port: port)
        self.port = port
    }

    deinit { close(fd) }

    /// `POST path` with a JSON body on this connection, and its whole response; `nil` when the server closed the
    /// connection first. A hang becomes a failure after `timeout`.
    func post(_ path: String, json: String, timeout: Duration = .seconds(30)) async throws -> HTTPTestClient.Reply? {
        let request = HTTPTestClient.request(
            "POST", path, port: port, headers: ["Content-Type": "application/json"], body: Array(json.utf8),
            close: false)
        let fd = self.fd
        return try await withDeadline(timeout) {
            await DetachedThread.run { () -> HTTPTestClient.Reply? in
                HTTPTestClient.send(request, on: fd)
                var reader = ResponseReader()
                var reply: HTTPTestClient.Reply?
                var buffer = [UInt8](repeating: 0, count: 16384)
                while true {
                    let count = read(fd, &buffer, buffer.count)
                    if count < 0, errno == EINTR { continue }
                    if count <= 0 { return nil }
                    let output = reader.feed(Array(buffer[..<count]))
                    if let head = output.head { reply = .init(status: head.status, headers: head.headers, body: []) }
                    reply?.body += output.body
                    if output.finished { return reply }
                }
            }
        }
    }
}
