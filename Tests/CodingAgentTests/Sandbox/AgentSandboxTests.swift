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

/// Every process of the agent in each layer set: bwrap with the launcher inside, the launcher alone (as in
/// containers), and opted out. Evidence, not configuration: a canary file outside the workspace is neither
/// changed nor read, a secret value never reaches the output, a background process is gone after the call,
/// mount fails, the server's /proc environ cannot be read.
@Suite(.timeLimit(.minutes(3))) struct AgentSandboxTests {
    static let bwrapAndLauncher = ExecutionFixture.bwrapWorks && LauncherFixture.probe != nil
    static let launcherAlone = LauncherFixture.landlockABI > 0
    static let confinedModes: [SandboxPreference] =
        (bwrapAndLauncher ? [.automatic] : []) + (launcherAlone ? [.launcherOnly] : [])

    /// A directory outside the workspace with a canary file.
    final class Outside {
        let directory: String
        let canary: String
        let text = "canary-\(UInt64.random(in: 0...UInt64.max))"

        init() throws {
            directory = try ExecutionFixture.makeDirectory()
            canary = directory + "/canary.txt"
            try Data(text.utf8).write(to: URL(fileURLWithPath: canary))
        }

        var unchanged: Bool {
            (try? String(contentsOfFile: canary, encoding: .utf8)) == text
        }

        deinit { try? FileManager.default.removeItem(atPath: directory) }
    }

    static func fixture(_ mode: SandboxPreference, environment: [String: String]? = nil) throws -> ExecutionFixture {
        try ExecutionFixture(sandbox: mode, environment: environment ?? ProcessInfo.processInfo.environment)
    }

    @Test(arguments: confinedModes) func theLayersAreTheOnesAskedFor(_ mode: SandboxPreference) async throws {
        let sandbox = try await Self.fixture(mode).toolkit.currentSandbox()
        #expect(sandbox.isConfined)
        #expect(sandbox.launcher != nil)
        #expect((sandbox.bubblewrap != nil) == (mode == .automatic), "\(sandbox.layers)")
    }

    @Test(arguments: confinedModes) func aCanaryOutsideIsNeitherReadNorWritten(_ mode: SandboxPreference) async throws {
        let outside = try Outside()
        let fixture = try Self.fixture(mode)
        // A subdirectory: with the launcher alone, the workspace root's own entries are fixed (docs/security.md).
        mkdir(fixture.workspace + "/src", 0o755)
        let bash = try await fixture.call(
            "bash",
            ["command": .string("cat \(outside.canary); echo changed > \(outside.canary); echo ws > src/in.txt; echo done")]
        )
        #expect(bash.content.contains("done"), "\(bash.content)")
        #expect(!bash.content.contains(outside.text))
        #expect(fixture.exists("src/in.txt"), "the workspace stays writable")
        let code =
            "try:\n    print(open('\(outside.canary)').read())\nexcept OSError as e:\n    print('denied', e.errno)\n"
        let python = try await fixture.call("execute_code", ["code": .string(code), "language": "python"])
        #expect(python.content.contains("denied"), "\(python.content)")
        #expect(!python.content.contains(outside.text))
        let repl = try await fixture.call("python_repl", ["code": .string(code)])
        #expect(repl.content.contains("denied"), "\(repl.content)")
        #expect(!repl.content.contains(outside.text))
        #expect(outside.unchanged)
        await fixture.toolkit.shutdown()
    }

    @Test(arguments: confinedModes + [.disabled]) func aSecretValueNeverReachesAProcess(_ mode: SandboxPreference)
        async throws
    {
        let secret = "sk-secret-\(UInt64.random(in: 0...UInt64.max))"
        var environment = ProcessInfo.processInfo.environment
        environment["VLLM_API_KEY"] = secret
        environment["LANG_COPY"] = secret
        environment["LC_SNEAKY"] = secret
        let fixture = try Self.fixture(mode, environment: environment)
        let bash = try await fixture.call("bash", ["command": "env; echo end"])
        #expect(bash.content.contains("end"), "\(bash.content)")
        #expect(!bash.content.contains(secret))
        let repl = try await fixture.call("python_repl", ["code": "import os\nprint(sorted(os.environ.items()))"])
        #expect(!repl.content.contains(secret))
        await fixture.toolkit.shutdown()
    }

    @Test(arguments: confinedModes) func theServersEnvironCannotBeRead(_ mode: SandboxPreference) async throws {
        // What a process reading /proc/<server>/environ would find: this test process's own initial environment.
        let environ = try #require(FileManager.default.contents(atPath: "/proc/self/environ"))
        let entries = environ.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        let marker = try #require(
            entries.first { entry in
                let name = entry.prefix { $0 != "=" }
                return !ChildEnvironment.isAllowed(String(name)) && entry.count > name.count + 4
            })
        // This process stands in for the server, which makes itself non-dumpable at start: its /proc files are
        // then closed to processes of the same user that lack CAP_SYS_PTRACE, which the sandbox drops even
        // when the server runs as root.
        _ = ProcessHardening.disableDumping()
        let fixture = try Self.fixture(mode)
        let result = try await fixture.call(
            "bash", ["command": .string("cat /proc/\(getpid())/environ && echo READABLE || echo DENIED")])
        #expect(result.content.contains("DENIED"), "\(result.content)")
        #expect(!result.content.contains(marker))
    }

    @Test(arguments: confinedModes) func backgroundProcessesEndWithTheCall(_ mode: SandboxPreference) async throws {
        let marker = "301.\(Int.random(in: 100_000...999_999))"
        let fixture = try Self.fixture(mode)
        // execute_code, since the bash tool's checks refuse `setsid` before any sandbox is involved.
        let code = """
            import os, subprocess
            subprocess.Popen(['sleep', '\(marker)'], start_new_session=True)
            if os.fork() == 0:
                os.setsid()
                subprocess.Popen(['sleep', '\(marker)'])
                os._exit(0)
            print('started')
            """
        let result = try await fixture.call("execute_code", ["code": .string(code), "language": "python"])
        #expect(result.content.contains("started"), "\(result.content)")
        #expect(MissingToolchainTests.processesRunning(argument: marker) == 0)
        let replMarker = "302.\(Int.random(in: 100_000...999_999))"
        let spawned = try await fixture.call(
            "python_repl",
            [
                "code": .string(
                    "import subprocess\np = subprocess.Popen(['sleep', '\(replMarker)'], start_new_session=True)\nwhile b'\(replMarker)' not in open('/proc/%d/cmdline' % p.pid, 'rb').read(): pass\nprint('spawned')"
                )
            ])
        #expect(MissingToolchainTests.processesRunning(argument: replMarker) == 1, "\(spawned.content)")
        await fixture.toolkit.shutdown()
        #expect(MissingToolchainTests.processesRunning(argument: replMarker) == 0)
    }

    /// A call's processes may use as many CPU seconds as its timeout and 8 GiB of written memory; the REPL,
    /// which lives for a session, has no CPU limit.
    @Test(arguments: confinedModes) func callsRunWithCPUAndMemoryLimits(_ mode: SandboxPreference) async throws {
        let fixture = try Self.fixture(mode)
        let code =
            "import resource\nprint(resource.getrlimit(resource.RLIMIT_CPU), resource.getrlimit(resource.RLIMIT_DATA))"
        let run = try await fixture.call(
            "execute_code", ["code": .string(code), "language": "python", "timeout": 7])
        #expect(run.content.contains("(8, 8) (8589934592, 8589934592)"), "\(run.content)")
        let repl = try await fixture.call("python_repl", ["code": .string(code)])
        #expect(repl.content.contains("(-1, -1) (8589934592, 8589934592)"), "\(repl.content)")
    }

    @Test(arguments: confinedModes) func mountAndNamespacesFail(_ mode: SandboxPreference) async throws {
        let fixture = try Self.fixture(mode)
        // execute_code, since the bash tool's checks refuse `mount` before any sandbox is involved.
        let result = try await fixture.call(
            "execute_code",
            [
                "code": """
                import ctypes, os
                libc = ctypes.CDLL(None, use_errno=True)
                os.makedirs("m", exist_ok=True)
                print("mount=%d" % libc.mount(b"none", b"m", b"tmpfs", 0, None))
                print("unshare=%d" % libc.unshare(0x10000000))
                """,
                "language": "python",
            ])
        #expect(result.content.contains("mount="), "\(result.content)")
        #expect(!result.content.contains("mount=0"))
        #expect(!result.content.contains("unshare=0"))
    }

    @Test(arguments: confinedModes) func aStatementIsInterruptedAndTheSessionKept(_ mode: SandboxPreference)
        async throws
    {
        let fixture = try Self.fixture(mode)
        _ = try await fixture.call("python_repl", ["code": "kept = 7"])
        let slow = try await fixture.call("python_repl", ["code": "import time\ntime.sleep(60)", "timeout": 1])
        #expect(slow.content.contains("KeyboardInterrupt"), "\(slow.content)")
        let after = try await fixture.call("python_repl", ["code": "kept"])
        #expect(after.content == "7", "\(after.content)")
        await fixture.toolkit.shutdown()
    }

    @Test(.enabled(if: bwrapAndLauncher)) func protectedPathsAreReadOnlyAndHiddenOnesAbsent() async throws {
        let fixture = try Self.fixture(.automatic)
        let root = fixture.workspace
        try FileManager.default.createDirectory(atPath: root + "/.spark", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/.git/hooks", withIntermediateDirectories: true)
        try Data("SPARK-KEY-123".utf8).write(to: URL(fileURLWithPath: root + "/.spark/config.json"))
        try Data("#!/bin/sh\n".utf8).write(to: URL(fileURLWithPath: root + "/.git/hooks/pre-commit"))
        let result = try await fixture.call(
            "bash",
            [
                "command":
                    "cat .spark/config.json; echo evil >> .git/hooks/pre-commit; echo hook=$?; echo ok > .git/HEAD; echo head=$?"
            ])
        #expect(!result.content.contains("SPARK-KEY-123"), "\(result.content)")
        #expect(!result.content.contains("hook=0"))
        #expect(result.content.contains("head=0"))
        #expect((try String(contentsOfFile: root + "/.git/hooks/pre-commit", encoding: .utf8)) == "#!/bin/sh\n")
    }

    @Test func withoutAnyLayerTheRunToolsRefuseAndSayHow() async throws {
        let workspace = try ExecutionFixture.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        let options = ExecutionOptions(
            workspaceRoot: workspace, sandbox: .launcherOnly, launcherPath: "/nonexistent/spark-sandbox",
            baseEnvironment: ProcessInfo.processInfo.environment)
        let toolkit = ExecutionToolkit(options: options, approval: AllowAllPolicy())
        let context = ToolContext(sessionID: "s", agentName: "coding", toolCallID: "t")
        for (name, arguments) in [
            ("bash", ["command": "echo hi > made.txt"] as JSONValue),
            ("execute_code", ["code": "print(1)", "language": "python"]),
            ("python_repl", ["code": "1"]),
        ] {
            let tool = try #require(toolkit.tools.first { $0.name == name })
            let result = try await tool.call(arguments, context: context)
            #expect(result.content.hasPrefix("refused: "), "\(name): \(result.content)")
            #expect(result.content.contains("CODE_EXECUTION_SANDBOX=off"))
            #expect(result.content.contains("bubblewrap"))
        }
        #expect(!FileManager.default.fileExists(atPath: workspace + "/made.txt"))
        // The analysis tools skip their compilers and still run the rule checks.
        let analyzer = CodeAnalyzer(toolchain: AnalysisToolchain(sandbox: toolkit.analysisSandbox))
        let report = await analyzer.analyze("int main(void) { return 0 }\n", language: .c)
        #expect(
            report.notes.contains { $0.contains("was skipped: compilers run only in a sandbox") }, "\(report.notes)")
        #expect(report.checkers == ["rules"])
    }

    @Test func optingOutIsSaidOncePerSession() async throws {
        let fixture = try Self.fixture(.disabled)
        let first = try await fixture.call("bash", ["command": "echo one"], keepNote: true)
        #expect(first.content.hasPrefix("note: the sandbox is off (CODE_EXECUTION_SANDBOX=off)"), "\(first.content)")
        let second = try await fixture.call("execute_code", ["code": "print(2)", "language": "python"], keepNote: true)
        #expect(!second.content.contains("sandbox is off"))
        let other = try await fixture.call("python_repl", ["code": "3"], session: "s2", keepNote: true)
        #expect(other.content.hasPrefix("note: the sandbox is off"), "\(other.content)")
        await fixture.toolkit.shutdown()
    }

    /// With the launcher alone a session is told once that the directories holding protected paths keep
    /// their entries; and they do: a new file at the root fails, one in a subdirectory works.
    @Test(.enabled(if: launcherAlone)) func theLauncherAloneSaysOnceWhatItCannotAllow() async throws {
        let fixture = try Self.fixture(.launcherOnly)
        mkdir(fixture.workspace + "/src", 0o755)
        let first = try await fixture.call(
            "bash", ["command": "echo x > top.txt; echo y > src/in.txt; echo done"], keepNote: true)
        #expect(first.content.hasPrefix("note: this sandbox (Landlock, without bubblewrap)"), "\(first.content)")
        #expect(!fixture.exists("top.txt"))
        #expect(fixture.exists("src/in.txt"))
        let second = try await fixture.call("bash", ["command": "echo again"], keepNote: true)
        #expect(!second.content.contains("note: this sandbox"), "\(second.content)")
    }

    @Test(arguments: confinedModes) func compilersCannotReadOutsideTheirScratchDirectory(_ mode: SandboxPreference)
        async throws
    {
        let outside = try Outside()
        let fixture = try Self.fixture(mode)
        let analyzer = CodeAnalyzer(toolchain: AnalysisToolchain(sandbox: fixture.toolkit.analysisSandbox))
        let c = await analyzer.analyze("#include \"\(outside.canary)\"\nint main(void) { return 0; }\n", language: .c)
        #expect(!c.checkers.filter { $0 != "rules" }.isEmpty, "\(c.notes)")
        #expect(!"\(c)".contains(outside.text))
        if ToolchainLocator(searchPath: fixture.toolkit.options.searchPath).locate("rustc") != nil {
            let rust = await analyzer.analyze(
                "compile_error!(include_str!(\"\(outside.canary)\"));\n", language: .rust)
            #expect(!"\(rust)".contains(outside.text), "\(rust.findings)")
            #expect(!rust.findings.isEmpty, "rustc reports the unreadable file")
        }
        #expect(outside.unchanged)
    }

    @Test func theServerIsNotDumpable() {
        #expect(ProcessHardening.disableDumping())
        #expect(!ProcessHardening.isDumpable)
    }
}
