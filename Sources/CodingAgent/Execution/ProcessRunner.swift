import AgentCore
import SparkJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a program to completion: its own session and process group, stdin from `/dev/null`,
/// stdout and stderr capped, a timeout that sends the whole group SIGTERM and then SIGKILL.
///
/// Waiting happens on dedicated threads, never on the cooperative pool. Cancelling the calling task
/// terminates the group the same way a timeout does. When the program exits, whatever it left running
/// in its group (background jobs) is killed, and with a call cgroup everything in it, so nothing outlives
/// the call.
public struct ProcessRunner: Sendable {
    public init() {}

    /// Runs `spec` and returns its output and how it ended. Throws only when it cannot start.
    public func run(_ spec: ProcessSpec) async throws -> ProcessOutcome {
        let cancel = try CancelSignal()
        defer { cancel.close() }
        let result = await withTaskCancellationHandler {
            await DetachedThread.run { () -> Result<ProcessOutcome, ExecutionError> in
                Result { () throws(ExecutionError) in
                    try Self.runBlocking(spec, cancelDescriptor: cancel.readDescriptor)
                }
            }
        } onCancel: {
            cancel.fire()
        }
        return try result.get()
    }

    static func runBlocking(_ spec: ProcessSpec, cancelDescriptor: Int32) throws(ExecutionError) -> ProcessOutcome {
        defer { spec.cgroup?.release() }
        var opened: [Int32] = []
        defer { opened.forEach { _ = close($0) } }
        let output = try ProcessSpawner.pipe()
        opened += [output.read, output.write]
        let errors = try ProcessSpawner.pipe()
        opened += [errors.read, errors.write]
        let input = try ProcessSpawner.devNull()
        opened.append(input)
        let exitWatch = try ProcessSpawner.pipe()
        opened.append(exitWatch.read)
        let pid: pid_t
        do {
            pid = try ProcessSpawner.spawn(
                executable: spec.executable, arguments: spec.arguments, environment: spec.environment,
                workingDirectory: spec.workingDirectory, descriptors: [0: input, 1: output.write, 2: errors.write])
        } catch {
            _ = close(exitWatch.write)
            throw error
        }
        for fd in [output.write, errors.write, input] {
            _ = close(fd)
            opened.removeAll { $0 == fd }
        }
        ExitWatcher.watch(pid: pid, notify: exitWatch.write)
        var loop = SupervisionLoop(
            pid: pid, spec: spec, outputDescriptor: output.read, errorDescriptor: errors.read,
            exitDescriptor: exitWatch.read, cancelDescriptor: cancelDescriptor)
        let outcome = loop.run()
        opened.removeAll { $0 == output.read || $0 == errors.read }
        return outcome
    }
}

/// Writes one byte to `notify` when `pid` has exited (without reaping it, so its process group
/// id cannot be reused before the supervisor kills the group and reaps it).
enum ExitWatcher {
    static func watch(pid: pid_t, notify: Int32) {
        DetachedThread.start {
            var info = siginfo_t()
            while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) == -1 && errno == EINTR {}
            var byte: UInt8 = 1
            _ = write(notify, &byte, 1)
            _ = close(notify)
        }
    }

    /// Reaps `pid` and decodes its wait status.
    static func reap(pid: pid_t) -> Termination {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
    }
}
