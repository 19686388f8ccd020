import AgentCore
import SparkJSON
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The built `spark-lsp` binary running as a child process, its stdin at `/dev/null`, its stdout
/// handed out line by line as it comes and kept with stderr for the end.
///
/// Reads and `waitpid` run on detached threads (blocking calls never touch the cooperative pool).
/// Used by the end-to-end and real-vLLM tests.
public final class SparkProcess: Sendable {
    /// The process could not be started, or did not end in time.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// How the process ended.
    public struct Exit: Sendable {
        /// The exit status, or 128 + the signal number when a signal ended it.
        public var status: Int32
        public var stdout: String
        public var stderr: String

        /// Every non-empty stdout line.
        public var lines: [String] { stdout.split(separator: "\n").map(String.init) }
        /// Every non-empty stderr line.
        public var errorLines: [String] { stderr.split(separator: "\n").map(String.init) }
        /// Stdout lines parsed as JSON objects (`--json`).
        public var events: [JSONValue] { lines.compactMap { try? JSONValue(parsing: $0) } }
    }

    /// `spark-lsp` next to the test bundle (both live in the build's products directory).
    public static var binaryPath: String { BuiltProducts.executable("spark-lsp") }

    public let pid: pid_t
    /// Stdout lines as they arrive (one consumer).
    public let lines: AsyncStream<String>
    private let output = Mutex<
        (stdout: [UInt8], stderr: [UInt8], exit: Exit?, waiters: [CheckedContinuation<Exit, Never>])
    >(
        ([], [], nil, []))

    /// Starts `spark-lsp arguments...` with exactly `environment`; with `prefix` (for example
    /// `["/usr/bin/setpriv", "--reuid", "65534", ...]`) through that program.
    public init(_ arguments: [String], environment: [String: String], prefix: [String] = []) throws {
        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw Failure(description: "pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        let command = prefix + [Self.binaryPath] + arguments
        let path = command[0]
        var argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, &argv, &envp)
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            throw Failure(description: "cannot run \(path): \(String(cString: strerror(spawned)))")
        }
        self.pid = pid
        let (lines, continuation) = AsyncStream<String>.makeStream()
        self.lines = lines
        let pending = Mutex(2)
        let finishOne: @Sendable () -> Void = { [self] in
            if pending.withLock({ count in
                count -= 1
                return count == 0
            }) {
                DetachedThread.start { self.reap() }
            }
        }
        let (out, err) = (outPipe[0], errPipe[0])
        DetachedThread.start { [self] in
            var partial: [UInt8] = []
            Self.drain(out) { bytes in
                output.withLock { $0.stdout += bytes }
                partial += bytes
                while let newline = partial.firstIndex(of: 0x0A) {
                    continuation.yield(String(decoding: partial[..<newline], as: UTF8.self))
                    partial.removeSubrange(...newline)
                }
            }
            if !partial.isEmpty { continuation.yield(String(decoding: partial, as: UTF8.self)) }
            continuation.finish()
            finishOne()
        }
        DetachedThread.start { [self] in
            Self.drain(err) { bytes in output.withLock { $0.stderr += bytes } }
            finishOne()
        }
    }

    /// Sends `signal` to the process.
    public func send(_ signal: Int32) { kill(pid, signal) }

    /// Waits for the end; after `timeout` kills the process (a hang turned into a failure).
    public func exit(timeout: Duration = .seconds(60)) async throws -> Exit {
        let result = await withTaskGroup(of: Exit?.self) { group in
            group.addTask { await self.waitForExit() }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            if first == nil { kill(pid, SIGKILL) }
            group.cancelAll()
            return first
        }
        guard let result else { throw Failure(description: "spark-lsp did not exit within \(timeout)") }
        return result
    }

    private func waitForExit() async -> Exit {
        await withCheckedContinuation { continuation in
            let done = output.withLock { state -> Exit? in
                if let exit = state.exit { return exit }
                state.waiters.append(continuation)
                return nil
            }
            if let done { continuation.resume(returning: done) }
        }
    }

    private func reap() {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let waiters = output.withLock { state in
            state.exit = Exit(
                status: code, stdout: String(decoding: state.stdout, as: UTF8.self),
                stderr: String(decoding: state.stderr, as: UTF8.self))
            defer { state.waiters = [] }
            return state.waiters.map { ($0, state.exit!) }
        }
        for (continuation, exit) in waiters { continuation.resume(returning: exit) }
    }

    private static func drain(_ fd: Int32, _ onRead: ([UInt8]) -> Void) {
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 16384)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return }
            onRead(Array(buffer[..<count]))
        }
    }
}
