import AgentCore
import SparkJSON
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A pids cgroup holding every process of one sandboxed call: the sandbox's first process joins it before
/// anything forks (`Sandbox.joiningCgroup`), so the call cannot run more than `limit` tasks, and when the
/// call ends every process still in it (`setsid` escapes, daemons) is killed and the cgroup removed.
///
/// Why a cgroup: the kernel never applies `RLIMIT_NPROC` to processes whose real user is root, and a
/// server running as root (containers, CI) maps the sandbox's user to root. The pids controller counts
/// regardless of the user. Only where the server may create cgroups (root with a writable pids hierarchy):
/// elsewhere the launcher's `--nproc` applies.
public final class CallCgroup: Sendable {
    /// The cgroup's directory.
    public let path: String
    private let removed = Mutex(false)

    private static let counter = Atomic<Int>(0)

    private init(path: String) {
        self.path = path
    }

    /// A new cgroup below `parent` allowing `limit` tasks; `nil` (logged by the caller) when it cannot be made.
    public static func create(below parent: String, limit: Int) -> CallCgroup? {
        let number = counter.add(1, ordering: .relaxed).newValue
        let path = "\(parent)/spark-\(getpid())-\(number)"
        guard mkdir(path, 0o755) == 0 else { return nil }
        let cgroup = CallCgroup(path: path)
        guard write("\(limit)\n", to: path + "/pids.max") else {
            cgroup.remove()
            return nil
        }
        return cgroup
    }

    /// SIGKILLs every process in the cgroup until none is left (forks racing the kill are caught by the
    /// next round; `pids.max` bounds how many there can be). Blocking: runs on the supervision thread.
    public func killAll() {
        for _ in 0..<1000 {
            let pids = members()
            if pids.isEmpty { return }
            for pid in pids { _ = kill(pid, SIGKILL) }
            sched_yield()
        }
    }

    /// Kills what is left and removes the cgroup (idempotent). A killed process leaves the cgroup only
    /// once the kernel has torn it down, so removal is retried briefly.
    public func remove() {
        let first = removed.withLock { removed in
            defer { removed = true }
            return !removed
        }
        guard first else { return }
        for attempt in 0..<200 {
            if rmdir(path) == 0 || errno == ENOENT { return }
            killAll()
            if attempt > 10 { usleep(1000) }
        }
    }

    deinit {
        remove()
    }

    /// The pids listed in `cgroup.procs`.
    func members() -> [pid_t] {
        guard let text = Self.readText(path + "/cgroup.procs") else { return [] }
        return text.split(separator: "\n").compactMap { pid_t($0) }
    }

    private static func write(_ text: String, to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { _ = close(fd) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } == bytes.count
    }
}

extension CallCgroup {
    /// The directory below which this server may create pids cgroups: its own cgroup in the cgroup v1
    /// `pids` hierarchy (from `/proc/self/mountinfo` and `/proc/self/cgroup`), when a test cgroup can be
    /// made there; `nil` otherwise (not root, a read-only `/sys/fs/cgroup`, or cgroup v2, whose delegation
    /// rules need the server in a leaf of its own and are not handled).
    public static func availableParent() -> String? {
        guard let mount = pidsMountPoint(), let own = ownPidsCgroup() else { return nil }
        let parent = own == "/" ? mount : mount + own
        guard let probe = create(below: parent, limit: 1) else { return nil }
        probe.remove()
        return parent
    }

    private static func pidsMountPoint() -> String? {
        guard let text = readText("/proc/self/mountinfo") else { return nil }
        for line in text.split(separator: "\n") {
            // `... mount-point options - fstype source super-options`
            let halves = line.split(separator: " - ", maxSplits: 1)
            guard halves.count == 2 else { continue }
            let fields = halves[1].split(separator: " ")
            guard fields.count >= 3, fields[0] == "cgroup", fields[2].split(separator: ",").contains("pids") else {
                continue
            }
            let mountFields = halves[0].split(separator: " ")
            guard mountFields.count >= 5 else { continue }
            return String(mountFields[4])
        }
        return nil
    }

    private static func ownPidsCgroup() -> String? {
        guard let text = readText("/proc/self/cgroup") else { return nil }
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, fields[1].split(separator: ",").contains("pids") else { continue }
            return String(fields[2])
        }
        return nil
    }

    private static func readText(_ path: String) -> String? {
        POSIX.readFile(path, limit: 1 << 22).map { String(decoding: $0, as: UTF8.self) }
    }
}
