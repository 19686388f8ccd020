import SparkTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The scripted server's `stop` (called by tests, then again by `deinit`) closes its sockets once: a second
/// close hit whatever descriptor had taken the number since, another thread's child pipe or file.
@Suite struct ScriptedModelServerStopTests {
    @Test func stoppingAgainClosesNoDescriptorOpenedSince() throws {
        let server = try ScriptedModelServer(listening: false)
        server.stop()
        // The lowest free numbers, the listening socket's among them.
        var pipes: [[Int32]] = []
        defer { pipes.joined().forEach { _ = close($0) } }
        for _ in 0..<8 {
            var fds: [Int32] = [-1, -1]
            try #require(pipe(&fds) == 0)
            pipes.append(fds)
        }
        server.stop()
        for fd in pipes.joined() {
            #expect(fcntl(fd, F_GETFD) != -1, "descriptor \(fd) was closed by the stopped server")
        }
    }
}
