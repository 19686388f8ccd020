import AgentCore
import SparkJSON
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One running Python driver: its pid (and process group), the request and response pipes, and the
/// file its output goes to. All methods block; callers run them on a `DetachedThread`.
///
/// `@unchecked Sendable`: its mutable state (the read buffer) is touched only by the owning
/// `PythonREPLSession` actor, which runs one exchange at a time.
final class PythonREPLProcess: @unchecked Sendable {
    let pid: pid_t
    private let requestDescriptor: Int32
    private let responseDescriptor: Int32
    private let exitDescriptor: Int32
    private let outputDescriptor: Int32
    /// Never written; the driver exits when it closes (this process died).
    private let lifelineDescriptor: Int32
    private let lifelineClosed = Mutex(false)
    private let configuration: PythonREPLConfiguration
    private var buffer: [UInt8] = []
    private var reaped = false
    /// The interpreter's own pid when it runs below sandbox layers: SIGINT goes to it alone (the launcher
    /// would forward a second one), and SIGKILL to it first, so the launcher reaps what it started.
    private var interpreter: pid_t?
    /// The session's pids cgroup, emptied when the process is terminated.
    private let cgroup: CallCgroup?

    enum Wait {
        case frame(JSONValue)
        case timedOut
        case cancelled
        case ended
    }

    /// Starts the driver and waits for its `ready` frame.
    static func start(_ configuration: PythonREPLConfiguration) throws(ExecutionError) -> PythonREPLProcess {
        let directory = configuration.directory
        let driver = directory + "/driver.py"
        let outputPath = directory + "/output.log"
        guard writeFile(driver, PythonREPLDriver.source) else {
            throw ExecutionError("cannot write the REPL driver", errno: errno)
        }
        // The child's ends are closed once it has them; ours are closed too if starting fails.
        var childEnds: [Int32] = []
        var ourEnds: [Int32] = []
        var started = false
        defer {
            childEnds.forEach { _ = close($0) }
            if !started { ourEnds.forEach { _ = close($0) } }
        }
        let childOutput = open(outputPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        if childOutput >= 0 { childEnds.append(childOutput) }
        let output = open(outputPath, O_RDWR | O_CLOEXEC)
        if output >= 0 { ourEnds.append(output) }
        guard childOutput >= 0, output >= 0 else {
            throw ExecutionError("cannot open the REPL output file", errno: errno)
        }
        let input = try ProcessSpawner.devNull()
        childEnds.append(input)
        let requests = try ProcessSpawner.pipe()
        childEnds.append(requests.read)
        ourEnds.append(requests.write)
        let responses = try ProcessSpawner.pipe()
        childEnds.append(responses.write)
        ourEnds.append(responses.read)
        let exitWatch = try ProcessSpawner.pipe()
        ourEnds += [exitWatch.read, exitWatch.write]
        let lifeline = try ProcessSpawner.pipe()
        childEnds.append(lifeline.read)
        ourEnds.append(lifeline.write)
        // Spawned from a short-lived thread, so no `--die-with-parent`: the driver exits at EOF on its
        // requests. One process group (no `--new-session`), so SIGKILL to the group reaches every layer.
        var run = SandboxRun(
            command: [configuration.python, "-u", driver], workingDirectory: configuration.workspaceRoot,
            writable: [configuration.workspaceRoot, directory], scratch: directory,
            workspaceRoot: configuration.workspaceRoot, dieWithParent: false, newSession: false)
        let cgroup = configuration.sandbox.makeCallCgroup()
        run.cgroup = cgroup?.path
        let wrapped = configuration.sandbox.wrap(run, layout: configuration.layout)
        var command = (executable: wrapped.executable, arguments: wrapped.arguments)
        if configuration.sandbox.isConfined {
            // The layers must survive the SIGINT sent to the interpreter; Python re-enables its own handler.
            command = ("/bin/sh", ["-c", "trap '' INT; exec \"$@\"", "sh", command.executable] + command.arguments)
        }
        let environment = configuration.environment.merging(wrapped.environment) { _, sandboxed in sandboxed }
        let pid = try ProcessSpawner.spawn(
            executable: command.executable, arguments: command.arguments, environment: environment,
            workingDirectory: configuration.workspaceRoot,
            descriptors: [
                0: input, 1: childOutput, 2: childOutput, 3: requests.read, 4: responses.write, 5: lifeline.read,
            ])
        started = true
        ExitWatcher.watch(pid: pid, notify: exitWatch.write)
        let process = PythonREPLProcess(
            pid: pid, request: requests.write, response: responses.read, exit: exitWatch.read, output: output,
            lifeline: lifeline.write, cgroup: cgroup, configuration: configuration)
        guard case .frame(let ready) = process.waitForFrame(deadline: Self.deadline(after: .seconds(30)), cancel: nil),
            ready["ready"]?.boolValue == true
        else {
            let detail = process.takeOutput().text.execTrimmed
            process.terminate()
            throw ExecutionError("the Python REPL did not start" + (detail.isEmpty ? "" : ": \(detail)"))
        }
        if configuration.sandbox.isConfined { process.interpreter = Self.interpreter(below: pid) }
        return process
    }

    /// The interpreter's pid below the sandbox's layers (`sh` exec'd into bwrap, bwrap's init, the launcher),
    /// found through `/proc/<pid>/task/<pid>/children`; `nil` when the walk fails.
    static func interpreter(below pid: pid_t) -> pid_t? {
        var current = pid
        for _ in 0..<6 {
            guard let name = readProc("/proc/\(current)/comm")?.execTrimmed else { return nil }
            guard ["sh", "bwrap", "spark-sandbox"].contains(name) else { return current }
            guard let children = readProc("/proc/\(current)/task/\(current)/children"),
                let first = children.split(separator: " ").first.flatMap({ pid_t(String($0).execTrimmed) })
            else { return nil }
            current = first
        }
        return nil
    }

    private static func readProc(_ path: String) -> String? {
        POSIX.readFile(path, limit: 65536).map { String(decoding: $0, as: UTF8.self) }
    }

    private init(
        pid: pid_t, request: Int32, response: Int32, exit: Int32, output: Int32, lifeline: Int32,
        cgroup: CallCgroup?, configuration: PythonREPLConfiguration
    ) {
        self.cgroup = cgroup
        lifelineDescriptor = lifeline
        self.pid = pid
        requestDescriptor = request
        responseDescriptor = response
        exitDescriptor = exit
        outputDescriptor = output
        self.configuration = configuration
    }

    deinit {
        terminate()
        [requestDescriptor, responseDescriptor, exitDescriptor, outputDescriptor].forEach { _ = close($0) }
        closeLifeline()
    }

    /// Closes the lifeline, as the kernel does when this process dies; the driver then exits.
    func closeLifeline() {
        lifelineClosed.withLock { closed in
            guard !closed else { return }
            closed = true
            _ = close(lifelineDescriptor)
        }
    }

    static func deadline(after duration: Duration) -> Int64 {
        MonotonicClock.nowMilliseconds() + duration.execMilliseconds
    }

    /// Runs `code`; on timeout or cancellation interrupts it with SIGINT, and kills the process when
    /// the interrupt is not honoured within the grace period.
    func execute(_ code: String, timeout: Duration, cancel: Int32) -> REPLReply {
        guard sendFrame(["code": .string(code)]) else { return finish(.exited, nil) }
        // The driver acknowledges at once, when SIGINT can reach the statement.
        switch waitForFrame(deadline: Self.deadline(after: .seconds(30)), cancel: nil) {
        case .frame(let acknowledgement) where acknowledgement["started"]?.boolValue == true: break
        case .frame, .ended: return finish(.exited, nil)
        case .timedOut, .cancelled: return finish(.killed, nil)
        }
        var wait = waitForFrame(deadline: Self.deadline(after: timeout), cancel: cancel)
        if case .timedOut = wait { wait = interrupt() } else if case .cancelled = wait { wait = interrupt() }
        switch wait {
        case .frame(let response):
            let status = REPLReply.Status(rawValue: response["status"]?.stringValue ?? "") ?? .error
            return REPLReply(
                status: status, value: response["value"]?.stringValue, error: response["error"]?.stringValue,
                output: takeOutput())
        case .ended:
            return finish(.exited, nil)
        case .timedOut, .cancelled:
            return finish(.killed, nil)
        }
    }

    private func interrupt() -> Wait {
        if let interpreter { _ = kill(interpreter, SIGINT) } else { _ = kill(-pid, SIGINT) }
        let wait = waitForFrame(deadline: Self.deadline(after: configuration.interruptGrace), cancel: nil)
        if case .frame = wait { return wait }
        return .timedOut
    }

    private func finish(_ status: REPLReply.Status, _ error: String?) -> REPLReply {
        let termination = terminate()
        let detail = status == .exited ? "the Python process exited (\(termination))" : nil
        return REPLReply(status: status, value: nil, error: error ?? detail, output: takeOutput())
    }

    /// Kills the process group and reaps the driver (idempotent); returns how it ended.
    @discardableResult
    func terminate() -> Termination {
        guard !reaped else { return .signaled(SIGKILL) }
        reaped = true
        if let interpreter {
            // The launcher (`--reap`) kills whatever the interpreter started once it is gone, then exits.
            _ = kill(interpreter, SIGKILL)
            var descriptor = [pollfd(fd: exitDescriptor, events: Int16(POLLIN), revents: 0)]
            _ = poll(&descriptor, 1, Int32(clamping: configuration.interruptGrace.execMilliseconds))
        }
        _ = kill(-pid, SIGKILL)
        cgroup?.release()
        return ExitWatcher.reap(pid: pid)
    }

    private func sendFrame(_ message: JSONValue) -> Bool {
        let body = Array(message.serialized().utf8)
        let length = UInt32(body.count)
        let frame =
            [UInt8(length >> 24), UInt8((length >> 16) & 0xff), UInt8((length >> 8) & 0xff), UInt8(length & 0xff)]
            + body
        var offset = 0
        while offset < frame.count {
            let written = frame[offset...].withUnsafeBytes { POSIX.write(requestDescriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// Waits for a whole frame on the response pipe, the deadline, cancellation or the process's end.
    private func waitForFrame(deadline: Int64, cancel: Int32?) -> Wait {
        var chunk = [UInt8](repeating: 0, count: 65536)
        var exited = false
        while true {
            if buffer.count >= 4 {
                let length = buffer[0..<4].reduce(0) { $0 << 8 | Int($1) }
                if buffer.count >= 4 + length {
                    let body = Array(buffer[4..<(4 + length)])
                    buffer.removeFirst(4 + length)
                    guard let value = try? JSONValue(parsing: String(decoding: body, as: UTF8.self)) else {
                        return .ended
                    }
                    return .frame(value)
                }
            }
            let remaining = deadline - MonotonicClock.nowMilliseconds()
            if remaining <= 0 { return .timedOut }
            var descriptors = [pollfd(fd: responseDescriptor, events: Int16(POLLIN), revents: 0)]
            if !exited { descriptors.append(pollfd(fd: exitDescriptor, events: Int16(POLLIN), revents: 0)) }
            if let cancel { descriptors.append(pollfd(fd: cancel, events: Int16(POLLIN), revents: 0)) }
            // After the driver exited, only drain what is already in the pipe.
            let ready = poll(&descriptors, nfds_t(descriptors.count), exited ? 0 : Int32(clamping: remaining))
            if ready < 0 {
                if errno == EINTR { continue }
                return .ended
            }
            if ready == 0, exited { return .ended }
            for entry in descriptors where entry.revents != 0 {
                if entry.fd == responseDescriptor {
                    let count = chunk.withUnsafeMutableBytes { read(responseDescriptor, $0.baseAddress, $0.count) }
                    if count > 0 {
                        buffer += chunk[0..<count]
                    } else if count == 0 || errno != EINTR {
                        return .ended
                    }
                } else if entry.fd == exitDescriptor {
                    exited = true
                } else {
                    return .cancelled
                }
            }
        }
    }

    /// The output printed since the last call (head and tail kept), then empties the file.
    func takeOutput() -> CappedOutput {
        let limit = configuration.outputLimit
        let size = Int(lseek(outputDescriptor, 0, SEEK_END))
        guard size > 0 else { return CappedOutput(limit: limit) }
        func bytes(from start: Int, count: Int) -> [UInt8] {
            var bytes = [UInt8](repeating: 0, count: count)
            let got = bytes.withUnsafeMutableBytes { pread(outputDescriptor, $0.baseAddress, count, off_t(start)) }
            return Array(bytes.prefix(max(0, got)))
        }
        let output: CappedOutput
        if size <= limit {
            output = CappedOutput(limit: limit, head: bytes(from: 0, count: size), tail: [], totalBytes: size)
        } else {
            let half = limit / 2
            output = CappedOutput(
                limit: limit, head: bytes(from: 0, count: half),
                tail: bytes(from: size - (limit - half), count: limit - half),
                totalBytes: size)
        }
        _ = ftruncate(outputDescriptor, 0)
        return output
    }

    private static func writeFile(_ path: String, _ text: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { _ = close(fd) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { POSIX.write(fd, $0.baseAddress, $0.count) } == bytes.count
    }
}
