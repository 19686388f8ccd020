import Testing

@testable import CodingAgent

#if canImport(Glibc)
    import Glibc
#endif

/// Where this process may create cgroups, probed once.
private let cgroupParent = CallCgroup.availableParent()

/// The call's pids cgroup, where this process may create one (root with a writable cgroup v1 `pids`
/// hierarchy): proved by processes that would otherwise escape or multiply.
@Suite(.timeLimit(.minutes(2)), .enabled(if: cgroupParent != nil)) struct CallCgroupTests {

    /// Runs `script` under `sh`, joined to `cgroup` first when there is one (as the sandbox does).
    private func run(_ script: String, in cgroup: CallCgroup?) async throws -> ProcessOutcome {
        var spec = ProcessSpec(
            executable: "/bin/sh", arguments: [], workingDirectory: "/", environment: ["PATH": "/usr/bin:/bin"],
            timeout: .seconds(60))
        let command = Sandbox.joiningCgroup(cgroup?.path, ["/bin/sh", "-c", script])
        spec.executable = command[0]
        spec.arguments = Array(command.dropFirst())
        spec.cgroup = cgroup
        return try await ProcessRunner().run(spec)
    }

    /// A `setsid` daemon leaves the call's process group and session, so the group kill misses it; the
    /// cgroup does not, and is emptied and kept for the next call.
    @Test func aSetsidDaemonEndsWithTheCall() async throws {
        let parent = try #require(cgroupParent)
        // `setsid -w` returns once its shell has started the daemon in the new session and printed its pid.
        let script = "setsid -w sh -c 'sleep 1000 </dev/null >/dev/null 2>&1 & echo $!'"
        let cgroup = try #require(CallCgroup.create(below: parent, limit: 64))
        let contained = try await run(script, in: cgroup)
        let daemon = try #require(pid_t(contained.standardOutput.text.filter(\.isNumber)))
        #expect(!ExecutionFixture.isAlive(daemon), "pid \(daemon) outlived the call")

        // Control: without the cgroup the same daemon survives (then the test ends it).
        let escaped = try await run(script, in: nil)
        let survivor = try #require(pid_t(escaped.standardOutput.text.filter(\.isNumber)))
        #expect(ExecutionFixture.isAlive(survivor))
        kill(survivor, SIGKILL)
    }

    /// The next server removes the cgroups of one that died (`spark-<pid>-<n>` whose pid is gone).
    @Test func abandonedCgroupsAreRemoved() async throws {
        let parent = try #require(cgroupParent)
        let gone = try await ProcessRunner().run(
            ProcessSpec(executable: "/bin/true", workingDirectory: "/", environment: [:]))
        let abandoned = "\(parent)/spark-\(gone.pid)-1"
        #expect(mkdir(abandoned, 0o755) == 0)
        #expect(CallCgroup.availableParent() == parent)
        #expect(access(abandoned, F_OK) != 0, "\(abandoned) was left")
    }

    /// `pids.max` counts every task of the call, whatever its user: 60 forked sleepers stop near a limit of 20
    /// and all start under 200.
    @Test(.enabled(if: LauncherFixture.hasPython)) func theCallsTasksAreLimited() async throws {
        let parent = try #require(cgroupParent)
        let script = "exec \(LauncherFixture.python) -c '\(LauncherFixture.forkScript(count: 60))'"
        func started(limit: Int) async throws -> Int {
            let cgroup = try #require(CallCgroup.create(below: parent, limit: limit))
            let outcome = try await run(script, in: cgroup)
            return Int(outcome.standardOutput.text.filter(\.isNumber)) ?? -1
        }
        let limited = try await started(limit: 20)
        #expect(limited >= 0 && limited < 60, "\(limited)")
        #expect(try await started(limit: 200) == 60)
    }
}
