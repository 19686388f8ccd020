import AgentCore
import Glibc
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The checks the coding-agent runs rely on can fail: the sentinel snapshot sees a new file, a
/// rewritten file and a touched one; the lexical escape check sees `..`, absolute paths and the
/// planted links. Needs no server.
@Suite struct CodingRunChecksTests {
    @Test func sentinelSeesWritesTouchesAndNewFiles() throws {
        let sandbox = try CodingSandbox()
        defer { sandbox.remove() }
        #expect(sandbox.escapes().isEmpty)
        // Inside the workspace and the data directory: allowed.
        try Data("x".utf8).write(to: URL(fileURLWithPath: sandbox.workspace + "/new.txt"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: sandbox.data + "/notes.md"))
        #expect(sandbox.escapes().isEmpty)

        try Data("y".utf8).write(to: URL(fileURLWithPath: sandbox.base + "/escaped.txt"))
        #expect(sandbox.escapes().contains("new: escaped.txt"))
        try Data("do not touch\n".utf8).write(to: URL(fileURLWithPath: sandbox.sentinel + "/secret.txt"))
        #expect(sandbox.escapes().contains("changed: sentinel/secret.txt"), "same bytes, new mtime")
        var times = [timespec(tv_sec: 1, tv_nsec: 0), timespec(tv_sec: 1, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, sandbox.sentinel + "/nested/keep.py", &times, 0) == 0)
        #expect(sandbox.escapes().contains("changed: sentinel/nested/keep.py"))
    }

    @Test func escapeCheckReadsPathsLexically() {
        let workspace = "/tmp/ws"
        let leaving = ["../x", "a/../../x", "/etc/passwd", "/tmp/wsx/a", "outside/secret.txt", "./secret-link.txt"]
        let staying = ["", ".", "src/main.py", "a/../b", "/tmp/ws", "/tmp/ws/src", "src/outside"]
        for path in leaving {
            #expect(CodingAgentRun.Outcome.leavesWorkspace(path, workspace: workspace), "\(path)")
        }
        for path in staying {
            #expect(!CodingAgentRun.Outcome.leavesWorkspace(path, workspace: workspace), "\(path)")
        }
    }
}
