#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A POSIX pipe whose ends are close-on-exec (so child processes do not keep them open).
public struct Pipe: Sendable {
    public var read: Int32
    public var write: Int32

    public static func make() throws -> Pipe {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw TestClientError("pipe failed: \(errno)") }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return Pipe(read: fds[0], write: fds[1])
    }
}
