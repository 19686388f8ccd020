import AgentCore
import CodingAgent
import SparkJSON
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// The bwrap sandbox: no network, the workspace writable, the rest read-only, a private /tmp.
@Suite(.timeLimit(.minutes(3)), .enabled(if: ExecutionFixture.bwrapWorks)) struct SandboxTests {
    /// A listening TCP socket on 127.0.0.1 (outside any sandbox).
    final class Listener {
        let fd: Int32
        let port: UInt16

        init() throws {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
            }
            guard bound == 0, listen(fd, 4) == 0 else { throw ExecutionError("cannot listen", errno: errno) }
            _ = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            }
            self.fd = fd
            port = UInt16(bigEndian: address.sin_port)
        }

        deinit { close(fd) }
    }

    static func connectCode(_ port: UInt16) -> JSONValue {
        .string(
            """
            import socket
            try:
                socket.create_connection(("127.0.0.1", \(port)), timeout=5).close()
                print("CONNECTED")
            except OSError as error:
                print("BLOCKED", error)
            """)
    }

    @Test func theProbeFindsBwrap() async throws {
        let fixture = try ExecutionFixture(sandbox: .automatic)
        let sandbox = await fixture.toolkit.currentSandbox()
        #expect(sandbox.isConfined)
        #expect(sandbox.bubblewrap != nil)
        #expect(sandbox.launcher != nil, "the launcher is built next to the test binary")
        let disabled = try ExecutionFixture(sandbox: .disabled)
        #expect(await disabled.toolkit.currentSandbox().state == .optedOut(reason: "CODE_EXECUTION_SANDBOX=off"))
    }

    @Test func theNetworkIsUnreachableInsideButNotOutside() async throws {
        let listener = try Listener()
        let sandboxed = try ExecutionFixture(sandbox: .automatic)
        let inside = try await sandboxed.call(
            "execute_code", ["code": Self.connectCode(listener.port), "language": "python"])
        #expect(inside.content.contains("BLOCKED"), "\(inside.content)")
        let open = try ExecutionFixture(sandbox: .disabled)
        let outside = try await open.call(
            "execute_code", ["code": Self.connectCode(listener.port), "language": "python"])
        #expect(outside.content.contains("CONNECTED"), "\(outside.content)")
    }

    @Test func theWorkspaceIsWritableAndTheSystemIsReadOnly() async throws {
        let fixture = try ExecutionFixture(sandbox: .automatic)
        let bash = try await fixture.call("bash", ["command": "echo kept > kept.txt && cat kept.txt"])
        #expect(bash.content.contains("kept"))
        #expect(fixture.exists("kept.txt"))
        let marker = "/usr/spark-sandbox-probe-\(getpid())"
        let code = """
            import os
            try:
                open("\(marker)", "w").write("x")
                print("WROTE")
            except OSError as error:
                print("READONLY", error.strerror)
            open(os.path.join("\(fixture.workspace)", "from-code.txt"), "w").write("y")
            """
        let result = try await fixture.call("execute_code", ["code": .string(code), "language": "python"])
        #expect(result.content.contains("READONLY Read-only file system"), "\(result.content)")
        #expect(!FileManager.default.fileExists(atPath: marker))
        #expect(fixture.exists("from-code.txt"))
    }

    @Test func tmpIsPrivate() async throws {
        let fixture = try ExecutionFixture(sandbox: .automatic)
        let marker = "/tmp/spark-private-tmp-\(getpid())"
        let result = try await fixture.call(
            "execute_code", ["code": .string("open('\(marker)', 'w').write('x'); print('ok')"), "language": "python"])
        #expect(result.content.contains("ok"))
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test func credentialsInHomeAreHidden() async throws {
        // The sandbox's /tmp is private, so the stand-in home lives in the (bound) workspace.
        let workspace = try ExecutionFixture.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        let home = workspace + "/home"
        try FileManager.default.createDirectory(atPath: home + "/.ssh", withIntermediateDirectories: true)
        try Data("PRIVATE-KEY".utf8).write(to: URL(fileURLWithPath: home + "/.ssh/id_rsa"))
        try Data("machine x password SECRET-NETRC".utf8).write(to: URL(fileURLWithPath: home + "/.netrc"))
        try Data("VISIBLE".utf8).write(to: URL(fileURLWithPath: home + "/notes.txt"))
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home
        let fixture = try ExecutionFixture(sandbox: .automatic, environment: environment, workspace: workspace)
        let code = """
            import os
            for name in ("~/.ssh/id_rsa", "~/.netrc", "~/notes.txt"):
                try:
                    print(name, repr(open(os.path.expanduser(name)).read()))
                except OSError as error:
                    print(name, "unreadable")
            """
        let result = try await fixture.call("execute_code", ["code": .string(code), "language": "python"])
        #expect(!result.content.contains("PRIVATE-KEY"), "\(result.content)")
        #expect(!result.content.contains("SECRET-NETRC"))
        // No home directory is mounted at all: HOME is a fresh directory in the sandbox's /tmp.
        #expect(!result.content.contains("VISIBLE"))
        let repl = try await fixture.call(
            "python_repl",
            [
                "code":
                    "open(os.path.expanduser('~/.ssh/id_rsa')).read() if (os := __import__('os')) and os.path.exists(os.path.expanduser('~/.ssh/id_rsa')) else 'absent'"
            ])
        #expect(!repl.content.contains("PRIVATE-KEY"), "\(repl.content)")
        await fixture.toolkit.shutdown()
    }

    @Test func timeoutsKillTheSandboxedGroup() async throws {
        let fixture = try ExecutionFixture(sandbox: .automatic)
        let result = try await fixture.call("bash", ["command": "sleep 1000 & wait", "timeout": 1])
        #expect(result.content.contains("timed out after 1 s"))
        #expect(result.value?["timedOut"] == true)
    }
}

/// Without bwrap the launcher runs alone.
@Suite(.timeLimit(.minutes(2))) struct SandboxFallbackTests {
    @Test func aMissingBwrapMeansTheLauncherAlone() async throws {
        var environment = ProcessInfo.processInfo.environment
        let bin = try ExecutionFixture.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: bin) }
        // A PATH with bash and python3 but no bwrap.
        for tool in ["bash", "python3", "env"] {
            if let path = ToolchainLocator(searchPath: environment["PATH"] ?? "").locate(tool) {
                try FileManager.default.createSymbolicLink(atPath: bin + "/" + tool, withDestinationPath: path)
            }
        }
        environment["PATH"] = bin
        let fixture = try ExecutionFixture(sandbox: .automatic, environment: environment)
        let sandbox = await fixture.toolkit.currentSandbox()
        #expect(sandbox.bubblewrap == nil)
        #expect(sandbox.isConfined == (sandbox.launcher.map { $0.landlockABI > 0 } ?? false))
        // A subdirectory: with the launcher alone, the workspace root's own entries are fixed (docs/security.md).
        mkdir(fixture.workspace + "/src", 0o755)
        let result = try await fixture.call("bash", ["command": "echo fallback > src/f.txt && echo ok"])
        #expect(result.content.contains("ok"), "\(result.content)")
        #expect(fixture.exists("src/f.txt"))
        let refused = try await fixture.call("bash", ["command": "sudo rm -rf /"])
        #expect(refused.content.hasPrefix("refused: "))
    }
}
