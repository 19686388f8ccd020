import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The blocking loop behind `ProcessRunner`: reads both pipes, enforces the deadline, reacts to
/// cancellation and to the program's exit, and kills the process group.
struct SupervisionLoop {
    let pid: pid_t
    let spec: ProcessSpec
    var outputDescriptor: Int32?
    var errorDescriptor: Int32?
    let exitDescriptor: Int32
    let cancelDescriptor: Int32

    private var output: CappedOutput
    private var errors: CappedOutput
    private var termination: Termination?
    private var timedOut = false
    private var cancelled = false
    private var terminateSentAt: Int64?
    private var killSent = false
    private var drainDeadline: Int64?

    /// How long to keep reading after the program exited and its group was killed.
    private static let drainMilliseconds: Int64 = 2000

    init(
        pid: pid_t, spec: ProcessSpec, outputDescriptor: Int32, errorDescriptor: Int32, exitDescriptor: Int32,
        cancelDescriptor: Int32
    ) {
        self.pid = pid
        self.spec = spec
        self.outputDescriptor = outputDescriptor
        self.errorDescriptor = errorDescriptor
        self.exitDescriptor = exitDescriptor
        self.cancelDescriptor = cancelDescriptor
        output = CappedOutput(limit: spec.outputLimit)
        errors = CappedOutput(limit: spec.outputLimit)
    }

    mutating func run() -> ProcessOutcome {
        let deadline = MonotonicClock.nowMilliseconds() + spec.timeout.execMilliseconds
        let grace = spec.terminationGrace.execMilliseconds
        var buffer = [UInt8](repeating: 0, count: 65536)
        while termination == nil || outputDescriptor != nil || errorDescriptor != nil {
            let now = MonotonicClock.nowMilliseconds()
            var wait: Int64 = -1
            if termination == nil {
                if terminateSentAt == nil, now >= deadline {
                    timedOut = true
                    terminate(now: now)
                }
                if let sent = terminateSentAt, !killSent {
                    if now >= sent + grace {
                        signalGroup(SIGKILL)
                        killSent = true
                    } else {
                        wait = sent + grace - now
                    }
                } else if terminateSentAt == nil {
                    wait = deadline - now
                }
            } else if let drainDeadline {
                if now >= drainDeadline { break }
                wait = drainDeadline - now
            }
            var descriptors: [pollfd] = []
            for fd in [outputDescriptor, errorDescriptor].compactMap({ $0 }) {
                descriptors.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0))
            }
            if termination == nil {
                descriptors.append(pollfd(fd: exitDescriptor, events: Int16(POLLIN), revents: 0))
            }
            if terminateSentAt == nil, termination == nil {
                descriptors.append(pollfd(fd: cancelDescriptor, events: Int16(POLLIN), revents: 0))
            }
            let ready = poll(&descriptors, nfds_t(descriptors.count), Int32(clamping: wait))
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for entry in descriptors where entry.revents != 0 {
                handle(entry.fd, buffer: &buffer)
            }
        }
        for fd in [outputDescriptor, errorDescriptor].compactMap({ $0 }) { _ = close(fd) }
        if termination == nil {
            signalGroup(SIGKILL)
            termination = ExitWatcher.reap(pid: pid)
        }
        return ProcessOutcome(
            pid: pid, standardOutput: output, standardError: errors, termination: termination ?? .signaled(SIGKILL),
            timedOut: timedOut, cancelled: cancelled)
    }

    private mutating func handle(_ fd: Int32, buffer: inout [UInt8]) {
        if fd == exitDescriptor {
            // Kill whatever the program left running in its group, then reap it.
            signalGroup(SIGKILL)
            termination = ExitWatcher.reap(pid: pid)
            drainDeadline = MonotonicClock.nowMilliseconds() + Self.drainMilliseconds
        } else if fd == cancelDescriptor {
            cancelled = true
            terminate(now: MonotonicClock.nowMilliseconds())
        } else {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                if fd == outputDescriptor {
                    output.append(buffer[0..<count])
                } else {
                    errors.append(buffer[0..<count])
                }
            } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                _ = close(fd)
                if fd == outputDescriptor { outputDescriptor = nil } else { errorDescriptor = nil }
            }
        }
    }

    private mutating func terminate(now: Int64) {
        guard terminateSentAt == nil else { return }
        terminateSentAt = now
        signalGroup(SIGTERM)
    }

    private func signalGroup(_ signal: Int32) {
        _ = kill(-pid, signal)
        if signal == SIGKILL { spec.cgroup?.killAll() }
    }
}
