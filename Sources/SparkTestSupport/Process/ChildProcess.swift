import AgentCore
import CodingAgent
import SparkJSON
import SparkLSP

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child process with pipes on stdin and stdout (stderr to a file or /dev/null), spawned with
/// `posix_spawn`; for end-to-end tests and benchmarks.
public final class ChildProcess: Sendable {
    public let pid: pid_t
    /// Write end of the child's stdin (owned by the caller).
    public let stdinFD: Int32
    /// Read end of the child's stdout (owned by the caller).
    public let stdoutFD: Int32

    /// Spawns `executable` with `arguments`; `environment` adds to (or overrides) this process's.
    public init(
        executable: String, arguments: [String] = [], environment: [String: String] = [:], stderrPath: String? = nil
    ) throws {
        let input = try Pipe.make()
        let output = try Pipe.make()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input.read, 0)
        posix_spawn_file_actions_adddup2(&actions, output.write, 1)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath ?? "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0o644)
        // Inherit nothing else: neither other clients' pipe ends nor files being written by other tests.
        _ = GNUExtensions.addCloseFrom(&actions, 3)

        var merged: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                merged[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        merged.merge(environment) { _, new in new }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        close(input.read)
        close(output.write)
        guard result == 0 else {
            close(input.write)
            close(output.read)
            throw TestClientError("posix_spawn \(executable) failed: \(String(cString: strerror(result)))")
        }
        self.pid = pid
        self.stdinFD = input.write
        self.stdoutFD = output.read
    }

    /// Waits for the child to exit (off the cooperative pool); its exit code, or 128+signal.
    public func waitForExit() async -> Int32 {
        let pid = pid
        return await DetachedThread.run {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
            let signal = status & 0x7f
            return signal == 0 ? (status >> 8) & 0xff : 128 + signal
        }
    }

    /// Sends `SIGKILL` (cleanup after a failed test).
    public func kill() { POSIX.kill(pid, SIGKILL) }
}
