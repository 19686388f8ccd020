import AgentCore
import CodingAgent
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.timeLimit(.minutes(2))) struct ProcessRunnerTests {
    let runner = ProcessRunner()

    func spec(_ script: String, timeout: Duration = .seconds(30), limit: Int = 32 * 1024) -> ProcessSpec {
        ProcessSpec(
            executable: "/bin/sh", arguments: ["-c", script], workingDirectory: "/tmp",
            environment: ["PATH": "/usr/bin:/bin"], timeout: timeout, terminationGrace: .seconds(1), outputLimit: limit)
    }

    @Test func capturesBothStreamsAndTheExitCode() async throws {
        let outcome = try await runner.run(spec("echo out; echo err >&2; exit 3"))
        #expect(outcome.standardOutput.text == "out\n")
        #expect(outcome.standardError.text == "err\n")
        #expect(outcome.termination == .exited(3))
        #expect(!outcome.timedOut)
    }

    @Test func stdinIsDevNull() async throws {
        let outcome = try await runner.run(spec("cat; echo end"))
        #expect(outcome.standardOutput.text == "end\n")
    }

    @Test func inheritsNoDescriptorOpenedWithoutCloseOnExec() async throws {
        // As another thread writing a file would leave it open: without close-on-exec.
        let leaked = open("/dev/null", O_RDONLY)
        try #require(leaked > 2)
        defer { close(leaked) }
        let outcome = try await runner.run(spec("ls /proc/self/fd"))
        let inherited = Set(outcome.standardOutput.text.split(separator: "\n").compactMap { Int32($0) })
        #expect(!inherited.contains(leaked), "the child inherited descriptor \(leaked): \(inherited.sorted())")
        #expect(inherited.isSuperset(of: [0, 1, 2]))
    }

    @Test func runsInItsOwnSessionAndProcessGroup() async throws {
        let outcome = try await runner.run(spec("ps -o pid=,pgid=,sid= -p $$"))
        let fields = outcome.standardOutput.text.split(separator: " ").compactMap {
            Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        #expect(fields.count == 3)
        #expect(Set(fields).count == 1, "pid, pgid and sid should all be \(outcome.pid): \(fields)")
        #expect(fields.first == outcome.pid)
    }

    @Test func timeoutKillsTheWholeGroupIncludingGrandchildren() async throws {
        let outcome = try await runner.run(spec("sleep 1000 & echo $!; wait", timeout: .seconds(1)))
        #expect(outcome.timedOut)
        let grandchild = try #require(
            Int32(outcome.standardOutput.text.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(!ExecutionFixture.isAlive(grandchild))
        #expect(!ExecutionFixture.isAlive(outcome.pid))
    }

    @Test func backgroundJobsDieWhenTheCommandEnds() async throws {
        let outcome = try await runner.run(spec("sleep 1000 & echo $!"))
        #expect(!outcome.timedOut)
        #expect(outcome.termination == .exited(0))
        let background = try #require(
            Int32(outcome.standardOutput.text.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(!ExecutionFixture.isAlive(background))
    }

    @Test func aProgramIgnoringSIGTERMIsKilled() async throws {
        let outcome = try await runner.run(spec("trap '' TERM; echo ready; while :; do :; done", timeout: .seconds(1)))
        #expect(outcome.timedOut)
        #expect(outcome.termination == .signaled(SIGKILL))
        #expect(outcome.standardOutput.text == "ready\n")
    }

    @Test func outputIsCappedKeepingHeadAndTail() async throws {
        let outcome = try await runner.run(
            spec("echo START; i=0; while [ $i -lt 2000 ]; do echo line$i; i=$((i+1)); done; echo END", limit: 200))
        let text = outcome.standardOutput.text
        #expect(text.hasPrefix("START\n"))
        #expect(text.hasSuffix("END\n"))
        #expect(text.contains("bytes of output omitted"))
        #expect(outcome.standardOutput.head.count + outcome.standardOutput.tail.count == 200)
        #expect(outcome.standardOutput.totalBytes > 10_000)
    }

    @Test func cancellationKillsTheGroup() async throws {
        let runner = runner
        let spec = spec("sleep 1000 & echo $!; wait", timeout: .seconds(600))
        let task = Task { try await runner.run(spec) }
        task.cancel()
        let outcome = try await task.value
        #expect(outcome.cancelled)
        #expect(!ExecutionFixture.isAlive(outcome.pid))
    }

    @Test func aMissingProgramThrows() async {
        await #expect(throws: ExecutionError.self) {
            try await runner.run(
                ProcessSpec(executable: "/nonexistent/tool", workingDirectory: "/tmp", environment: [:]))
        }
    }
}
