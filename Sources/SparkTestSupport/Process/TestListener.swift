import CodingAgent

#if canImport(Glibc)
    import Glibc
#endif

/// A listening socket outside any sandbox: TCP on 127.0.0.1, a named Unix socket, or an abstract one.
/// `accepted()` tells, without waiting, whether anything connected. `@unchecked Sendable`: the descriptor is
/// only read after creation, and `accept` on it is safe from any thread.
public final class TestListener: @unchecked Sendable {
    public let fd: Int32
    /// The TCP port (0 for Unix sockets).
    public private(set) var port: UInt16 = 0

    /// TCP on 127.0.0.1, on a free port.
    public init() throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, listen(fd, 4) == 0 else { throw ExecutionError("cannot listen", errno: errno) }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
    }

    /// A Unix socket at `path`, or in the abstract namespace when `abstract` (no file).
    public init(unixPath path: String, abstract: Bool) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = (abstract ? [0] : []) + Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw ExecutionError("socket path too long: \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, listen(fd, 4) == 0 else { throw ExecutionError("cannot listen", errno: errno) }
    }

    /// Whether a connection is waiting (accepts and closes it).
    public func accepted() -> Bool {
        let connection = accept(fd, nil, nil)
        guard connection >= 0 else { return false }
        close(connection)
        return true
    }

    deinit { close(fd) }
}
