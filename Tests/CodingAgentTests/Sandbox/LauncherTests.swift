import CodingAgent
import SparkTestSupport
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// The launcher `spark-sandbox`, run as built: each layer is proved by what a sandboxed program can and
/// cannot do (a control run without the layer shows the same check would notice), not by its messages.
@Suite(.timeLimit(.minutes(3)), .enabled(if: LauncherFixture.probe != nil)) struct LauncherTests {
    static var landlock: Bool { LauncherFixture.landlockABI >= 1 }
    static var landlockScopes: Bool { LauncherFixture.landlockABI >= 6 }
    static var seccomp: Bool { LauncherFixture.seccomp }
    static var seccompAndPython: Bool { seccomp && LauncherFixture.hasPython }

    @Test func probePrintsOneLineAndRequireFollowsIt() async throws {
        let fixture = try LauncherFixture()
        let outcome = try await fixture.run(["--probe"], [], base: false)
        #expect(outcome.termination == .exited(0))
        #expect(outcome.standardError.text == "")
        let probe = try #require(LauncherFixture.parse(outcome.standardOutput.text), "\(outcome.standardOutput.text)")
        // `--landlock require` starts a program exactly when the probe found Landlock.
        let required = try await fixture.run(["--no-seccomp"], ["/bin/true"])
        if probe.landlock > 0 {
            #expect(required.termination == .exited(0), "\(required.standardError.text)")
        } else {
            #expect(required.termination == .exited(126))
            #expect(required.standardError.text.hasPrefix("spark-sandbox: landlock: "))
        }
    }

    @Test func printsNothingOfItsOwnAndOneLineOnFailure() async throws {
        let fixture = try LauncherFixture()
        let quiet = try await fixture.run(["--landlock", "best-effort"], ["/bin/echo", "hello"])
        #expect(quiet.termination == .exited(0))
        #expect(quiet.standardOutput.text == "hello\n")
        #expect(quiet.standardError.text == "")

        let unknown = try await fixture.run(["--frobnicate"], ["/bin/true"])
        #expect(unknown.termination == .exited(126))
        #expect(unknown.standardOutput.text == "")
        #expect(unknown.standardError.text.hasPrefix("spark-sandbox: options: "))
        #expect(unknown.standardError.text.filter { $0 == "\n" }.count == 1)

        let missing = try await fixture.run(["--landlock", "best-effort"], ["no-such-program-\(getpid())"])
        #expect(missing.termination == .exited(127))
        #expect(missing.standardError.text.hasPrefix("spark-sandbox: exec: no-such-program"))

        let help = try await fixture.run(["--help"], [], base: false)
        #expect(help.termination == .exited(0))
        for option in ["--read", "--write", "--landlock", "--no-seccomp", "--no-network", "--reap", "--probe"] {
            #expect(help.standardOutput.text.contains(option))
        }
    }

    @Test(.enabled(if: landlock)) func aCanaryOutsideCannotBeReadOrWrittenButTheWorkspaceCan() async throws {
        let fixture = try LauncherFixture()
        let read = try await fixture.run([], ["cat", fixture.canary])
        #expect(read.termination != .exited(0))
        #expect(!read.standardOutput.text.contains(fixture.canaryText))

        let write = try await fixture.shell([], "echo overwritten > '\(fixture.canary)'")
        #expect(write.termination != .exited(0))
        let remove = try await fixture.run([], ["rm", "-f", fixture.canary])
        #expect(remove.termination != .exited(0))
        let create = try await fixture.shell([], "echo planted > '\(fixture.outside)/planted'")
        #expect(create.termination != .exited(0))
        #expect(fixture.read(fixture.canary) == fixture.canaryText)
        #expect(fixture.read(fixture.outside + "/planted") == nil)

        let inside = try await fixture.shell([], "echo kept > kept.txt && mkdir d && mv kept.txt d/ && cat d/kept.txt")
        #expect(inside.termination == .exited(0), "\(inside.standardError.text)")
        #expect(inside.standardOutput.text == "kept\n")
        #expect(fixture.read(fixture.workspace + "/d/kept.txt") == "kept\n")

        // Control: without Landlock the same read shows the canary.
        let open = try await fixture.run(["--landlock", "off"], ["cat", fixture.canary])
        #expect(open.standardOutput.text == fixture.canaryText)
    }

    @Test(.enabled(if: seccomp)) func mountAndNamespacesFailWithEPERM() async throws {
        let fixture = try LauncherFixture()
        let target = fixture.workspace + "/mnt"
        mkdir(target, 0o755)
        // Landlock off: only the filter stands between these and success (as root, or with user namespaces).
        let mount = try await fixture.run(["--landlock", "off"], ["mount", "-t", "tmpfs", "none", target])
        #expect(mount.termination != .exited(0))
        let unshare = try await fixture.run(["--landlock", "off"], ["unshare", "-r", "true"])
        #expect(unshare.termination != .exited(0))
        #expect(unshare.standardError.text.contains("Operation not permitted"), "\(unshare.standardError.text)")
        if LauncherFixture.hasPython {
            let code = """
                import ctypes, os
                libc = ctypes.CDLL(None, use_errno=True)
                print("mount", libc.mount(b"none", \(Self.pythonBytes(target)), b"tmpfs", 0, None), ctypes.get_errno())
                print("personality", libc.personality(0x0040000), ctypes.get_errno())
                pid = os.fork()
                if pid == 0:
                    os._exit(0)
                print("fork", os.waitpid(pid, 0)[1])
                """
            let python = try await fixture.python([], code)
            #expect(
                python.standardOutput.text == "mount -1 1\npersonality -1 1\nfork 0\n", "\(python.standardError.text)")
        }
        let mounts = (fixture.read("/proc/self/mountinfo") ?? "")
        #expect(!mounts.contains(target), "something was mounted on \(target)")
        // Control, where user namespaces work at all: the same `unshare -r` outside the filter.
        let unfiltered = try await fixture.run(["--no-seccomp", "--landlock", "off"], ["unshare", "-r", "true"])
        if unfiltered.termination != .exited(0) {
            Self.log("unshare -r fails here even without the filter")
        }
    }

    @Test(.enabled(if: seccomp)) func tcpToALocalListenerFailsWithNoNetwork() async throws {
        let fixture = try LauncherFixture()
        let listener = try TestListener()
        let script = "echo hello > /dev/tcp/127.0.0.1/\(listener.port)"
        let denied = try await fixture.run(["--no-network"], ["bash", "-c", script])
        #expect(denied.termination != .exited(0))
        #expect(!listener.accepted(), "the listener got a connection from inside the sandbox")
        // Control: without --no-network the same connection arrives.
        let allowed = try await fixture.run([], ["bash", "-c", script])
        #expect(allowed.termination == .exited(0), "\(allowed.standardError.text)")
        #expect(listener.accepted())
    }

    @Test(.enabled(if: seccompAndPython)) func aNamedUnixSocketOutsideCannotBeConnectedWithNoNetwork() async throws {
        let fixture = try LauncherFixture()
        let path = fixture.outside + "/listener.sock"
        let listener = try TestListener(unixPath: path, abstract: false)
        let code = Self.connectCode(Self.pythonBytes(path))
        let denied = try await fixture.python(["--no-network"], code)
        #expect(denied.standardOutput.text.hasPrefix("BLOCKED"), "\(denied.standardOutput.text)")
        #expect(!listener.accepted())
        // Control: Landlock alone does not stop connecting to a named socket; seccomp's socket rule does.
        let allowed = try await fixture.python([], code)
        #expect(allowed.standardOutput.text == "CONNECTED\n", "\(allowed.standardOutput.text)")
        #expect(listener.accepted())
    }

    @Test(.enabled(if: landlockScopes && LauncherFixture.hasPython))
    func anAbstractSocketOutsideTheDomainIsUnreachable() async throws {
        let fixture = try LauncherFixture()
        let name = "spark-launcher-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let listener = try TestListener(unixPath: name, abstract: true)
        let code = Self.connectCode("b\"\\0\(name)\"")
        // Without --no-network: the Landlock scope alone must stop it.
        let denied = try await fixture.python([], code)
        #expect(denied.standardOutput.text.hasPrefix("BLOCKED"), "\(denied.standardOutput.text)")
        #expect(!listener.accepted())
        let allowed = try await fixture.python(["--landlock", "off"], code)
        #expect(allowed.standardOutput.text == "CONNECTED\n", "\(allowed.standardOutput.text)")
        #expect(listener.accepted())
    }

    @Test(.enabled(if: landlockScopes)) func signalsDoNotLeaveTheDomain() async throws {
        let fixture = try LauncherFixture()
        let outsider = try ChildProcess(executable: "/bin/sleep", arguments: ["1000"])
        var waited = false
        defer {
            if !waited { outsider.kill() }
            close(outsider.stdinFD)
            close(outsider.stdoutFD)
        }
        let killed = try await fixture.run([], ["kill", "-KILL", "\(outsider.pid)"])
        #expect(killed.termination != .exited(0))
        #expect(ExecutionFixture.isAlive(outsider.pid))
        // Inside its own domain the program still signals its children.
        let own = try await fixture.shell([], "sleep 1000 & kill $! && wait $!; echo status $?")
        #expect(own.standardOutput.text == "status 143\n", "\(own.standardError.text)")
        outsider.kill()
        #expect(await outsider.waitForExit() == 128 + SIGKILL)
        waited = true
    }

    @Test(.enabled(if: seccomp)) func reapKillsADoubleForkedGrandchild() async throws {
        let fixture = try LauncherFixture()
        let script = "setsid -w sh -c 'sleep 1000 > /dev/null 2>&1 & echo $! > \"$1\"' sh \"$1\""
        let reaped = try await fixture.run(
            ["--reap", "--landlock", "best-effort"], ["/bin/sh", "-c", script, "sh", fixture.workspace + "/reaped.pid"])
        #expect(reaped.termination == .exited(0), "\(reaped.standardError.text)")
        let grandchild = try #require(Int32(fixture.read(fixture.workspace + "/reaped.pid")?.trimmed ?? ""))
        #expect(kill(grandchild, 0) == -1 && errno == ESRCH, "pid \(grandchild) outlived the launcher")

        // Control: without --reap the same grandchild escapes (then the test kills it).
        let escaped = try await fixture.run(
            ["--landlock", "best-effort"], ["/bin/sh", "-c", script, "sh", fixture.workspace + "/escaped.pid"])
        #expect(escaped.termination == .exited(0))
        let survivor = try #require(Int32(fixture.read(fixture.workspace + "/escaped.pid")?.trimmed ?? ""))
        #expect(ExecutionFixture.isAlive(survivor))
        kill(survivor, SIGKILL)
    }

    @Test(.enabled(if: seccomp)) func reapExitsWithTheProgramsStatus() async throws {
        let fixture = try LauncherFixture()
        let exited = try await fixture.shell(["--reap", "--landlock", "best-effort"], "exit 7")
        #expect(exited.termination == .exited(7))
        let killed = try await fixture.shell(["--reap", "--landlock", "best-effort"], "kill -KILL $$")
        #expect(killed.termination == .exited(128 + SIGKILL))
    }

    @Test(.enabled(if: seccomp)) func fileSizeLimitHolds() async throws {
        let fixture = try LauncherFixture()
        let script = "head -c 2000 /dev/zero > big"
        let limited = try await fixture.shell(["--fsize", "1000", "--landlock", "best-effort"], script)
        #expect(limited.termination != .exited(0))
        #expect((fixture.read(fixture.workspace + "/big")?.utf8.count ?? 0) <= 1000)
        let roomy = try await fixture.shell(["--fsize", "4000", "--landlock", "best-effort"], script)
        #expect(roomy.termination == .exited(0), "\(roomy.standardError.text)")
        #expect(fixture.read(fixture.workspace + "/big")?.utf8.count == 2000)
    }

    /// `--data` caps the memory a program writes: touching 300 MB fails under 200 MB and works under 1 GB.
    @Test(.enabled(if: seccompAndPython)) func memoryLimitHolds() async throws {
        let fixture = try LauncherFixture()
        let script = "python3 -c 'b = bytearray(300 << 20); b[::4096] = b\"x\" * len(b[::4096]); print(\"touched\")'"
        let limited = try await fixture.shell(["--data", "\(200 << 20)", "--landlock", "best-effort"], script)
        #expect(!limited.standardOutput.text.contains("touched"), "\(limited.standardOutput.text)")
        #expect(limited.standardError.text.contains("MemoryError"), "\(limited.standardError.text)")
        let roomy = try await fixture.shell(["--data", "\(1 << 30)", "--landlock", "best-effort"], script)
        #expect(roomy.standardOutput.text.contains("touched"), "\(roomy.standardError.text)")
    }

    /// `--cpu` ends a busy loop once it has used its CPU seconds (SIGXCPU), long before the run's timeout.
    @Test(.enabled(if: seccomp)) func cpuTimeLimitEndsABusyLoop() async throws {
        let fixture = try LauncherFixture()
        let outcome = try await fixture.shell(["--cpu", "1", "--landlock", "best-effort"], "while :; do :; done")
        #expect(!outcome.timedOut)
        #expect(
            outcome.termination == .signaled(SIGXCPU) || outcome.termination == .signaled(SIGKILL),
            "\(outcome.termination)")
    }

    /// Root's powers are gone inside, even when the launcher is started by root: a file only another user
    /// may read stays unread, and no capability is left. (Landlock off, so the capability drop acts alone.)
    @Test func everyCapabilityIsDropped() async throws {
        let fixture = try LauncherFixture()
        let private_ = fixture.outside + "/private"
        try Data("not yours\n".utf8).write(to: URL(fileURLWithPath: private_))
        chmod(private_, 0o600)
        let owned = chown(private_, 4242, 4242) == 0
        let control = try await fixture.run(["--landlock", "off", "--no-seccomp"], ["/bin/true"])
        #expect(control.termination == .exited(0))
        let outcome = try await fixture.shell(
            ["--landlock", "off", "--no-seccomp"], "grep Cap /proc/self/status; cat '\(private_)' || echo DENIED")
        let status = outcome.standardOutput.text
        for line in ["CapEff:\t0000000000000000", "CapPrm:\t0000000000000000", "CapBnd:\t0000000000000000"] {
            #expect(status.contains(line), "\(status)")
        }
        // Only root can hand the file to another user; for anyone else, the file is theirs and readable.
        if owned && getuid() == 0 {
            #expect(status.contains("DENIED") && !status.contains("not yours"), "\(status)")
        }
    }

    /// Logs the launcher's start-up cost (median of 50 runs each); times are not asserted.
    @Test func startUpOverheadIsLogged() async throws {
        let direct = try Self.medianRun(["/bin/true"])
        let launched = try Self.medianRun([
            LauncherFixture.path, "--landlock", "best-effort", "--read", "/usr", "--", "/bin/true",
        ])
        Self.log("/bin/true \(direct), under spark-sandbox \(launched) (median of 50)")
    }

    /// `--protect` keeps git's hooks and configuration read-only and `--hide` keeps `.spark`'s files unread, inside
    /// a writable workspace: Landlock only grants, so the directories holding them lose their own entries'
    /// creation (the documented price), while their files and other subdirectories stay writable.
    @Test(.enabled(if: landlock)) func protectedPathsStayReadOnlyAndHiddenOnesUnread() async throws {
        let fixture = try LauncherFixture()
        let workspace = fixture.workspace
        for directory in ["/.git", "/.git/hooks", "/.git/objects", "/.spark", "/src"] {
            mkdir(workspace + directory, 0o755)
        }
        try fixture.write(workspace + "/.git/config", "[core]\n")
        try fixture.write(workspace + "/.spark/config.json", fixture.canaryText)
        try fixture.write(workspace + "/notes.txt", "notes\n")
        let protection = [
            "--protect", workspace + "/.git/hooks", "--protect", workspace + "/.git/config", "--protect",
            workspace + "/.spark", "--hide", workspace + "/.spark", "--protect", workspace + "/.vscode",
        ]
        let attack = """
            echo hook > .git/hooks/pre-commit; echo '[alias]' >> .git/config; cat .spark/config.json
            echo planted > .spark/planted; mkdir .vscode; echo x > newtop.txt
            """
        let protected = try await fixture.shell(protection, attack)
        #expect(!protected.standardOutput.text.contains(fixture.canaryText), "\(protected.standardOutput.text)")
        #expect(fixture.read(workspace + "/.git/hooks/pre-commit") == nil)
        #expect(fixture.read(workspace + "/.git/config") == "[core]\n")
        #expect(fixture.read(workspace + "/.spark/planted") == nil)
        #expect(access(workspace + "/.vscode", F_OK) != 0)
        #expect(fixture.read(workspace + "/newtop.txt") == nil)

        let work = """
            echo more >> notes.txt && echo o > .git/objects/o && mkdir -p src/deep && echo s > src/deep/s.txt \
            && mv src/deep/s.txt src/s.txt && ls .spark
            """
        let allowed = try await fixture.shell(protection, work)
        #expect(allowed.termination == .exited(0), "\(allowed.standardError.text)")
        #expect(allowed.standardOutput.text == "config.json\n")
        #expect(fixture.read(workspace + "/notes.txt") == "notes\nmore\n")
        #expect(fixture.read(workspace + "/src/s.txt") == "s\n")

        // Control: without the options the same attack gets through.
        _ = try await fixture.shell([], attack)
        #expect(fixture.read(workspace + "/.git/hooks/pre-commit") == "hook\n")
        #expect(fixture.read(workspace + "/newtop.txt") == "x\n")
    }

    /// `--nproc +N` allows N tasks beyond those the user runs already: 60 sleepers stop near 20 and all start
    /// under 200. The kernel exempts root, so a root test process runs it as `nobody`.
    @Test(.enabled(if: seccompAndPython && (getuid() != 0 || access("/usr/bin/setpriv", X_OK) == 0)))
    func processLimitAboveTheUsersTasksHolds() async throws {
        let prefix =
            getuid() == 0 ? ["/usr/bin/setpriv", "--reuid", "65534", "--regid", "65534", "--clear-groups", "--"] : []
        let forks = LauncherFixture.forkScript(count: 60)
        func started(_ limit: String) async throws -> Int {
            let outcome = try await ProcessRunner().run(
                ProcessSpec(
                    executable: prefix.first ?? LauncherFixture.path,
                    arguments: Array(prefix.dropFirst()) + (prefix.isEmpty ? [] : [LauncherFixture.path]) + [
                        "--landlock", "off", "--reap", "--nproc", limit, "--", LauncherFixture.python, "-c", forks,
                    ],
                    workingDirectory: "/", environment: ["PATH": "/usr/bin:/bin"], timeout: .seconds(60)))
            return Int(outcome.standardOutput.text.trimmed) ?? -1
        }
        let limited = try await started("+20")
        #expect(limited >= 0 && limited < 60, "\(limited)")
        #expect(try await started("+200") == 60)
    }

    // MARK: - Helpers

    /// A line in the test log (stderr).
    static func log(_ message: String) {
        let line = Array("LauncherTests: \(message)\n".utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    /// A Python bytes literal for `text`.
    static func pythonBytes(_ text: String) -> String { "b\"" + text + "\"" }

    /// Python that connects a Unix stream socket to `address` (a bytes literal) and says what happened.
    static func connectCode(_ address: String) -> String {
        """
        import socket
        try:
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.connect(\(address))
            s.close()
            print("CONNECTED")
        except OSError as error:
            print("BLOCKED", error)
        """
    }

    /// The median wall time of spawning `argv` and waiting for it, over 50 runs (spawned directly, so
    /// nothing but the program is measured).
    static func medianRun(_ argv: [String]) throws -> Duration {
        let clock = ContinuousClock()
        var times: [Duration] = []
        let arguments = argv.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        for _ in 0..<50 {
            var pid: pid_t = 0
            let start = clock.now
            let result = posix_spawn(&pid, argv[0], nil, nil, arguments, environ)
            guard result == 0 else { throw ExecutionError("posix_spawn \(argv[0])", errno: result) }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
            times.append(clock.now - start)
            guard status == 0 else { throw ExecutionError("\(argv) exited with status \(status)") }
        }
        return times.sorted()[times.count / 2]
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
