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
/// call ends every process still in it (`setsid` escapes, daemons) is killed.
///
/// Why a cgroup: the kernel never applies `RLIMIT_NPROC` to processes whose real user is root, and a
/// server running as root (containers, CI) maps the sandbox's user to root. The pids controller counts
/// regardless of the user. Only where the server may create cgroups (root with a writable pids hierarchy):
/// elsewhere the launcher's `--nproc` applies.
///
/// Emptied cgroups are kept for the next call rather than removed: making and removing a cgroup v1
/// directory costs the kernel milliseconds (RCU grace periods), reusing one nothing. They are removed when
/// the server exits, and those of a server that died are removed by the next one (`availableParent`).
public final class CallCgroup: Sendable {
    /// The cgroup's directory.
    public let path: String
    private let parent: String
    private let released = Mutex(false)

    private static let counter = Atomic<Int>(0)
    /// Emptied cgroups by parent directory, ready for the next call.
    private static let idle = Mutex<[String: [String]]>([:])
    private static let exitCleanup: Void = { atexit { CallCgroup.removeIdle() } }()

    private init(path: String, parent: String) {
        self.path = path
        self.parent = parent
    }

    /// A cgroup below `parent` (an emptied one, or a new one) allowing `limit` tasks; `nil` when none can be
    /// made.
    public static func create(below parent: String, limit: Int) -> CallCgroup? {
        let path: String
        if let reused = idle.withLock({ $0[parent]?.popLast() }) {
            path = reused
        } else {
            path = "\(parent)/spark-\(getpid())-\(counter.add(1, ordering: .relaxed).newValue)"
            guard mkdir(path, 0o755) == 0 else { return nil }
            _ = exitCleanup
        }
        guard write("\(limit)\n", to: path + "/pids.max") else {
            _ = rmdir(path)
            return nil
        }
        return CallCgroup(path: path, parent: parent)
    }

    /// SIGKILLs every process in the cgroup until none is listed (forks racing the kill are caught by the
    /// next round; `pids.max` bounds how many there can be). Blocking: runs on the supervision thread.
    public func killAll() {
        for _ in 0..<1000 {
            let pids = members()
            if pids.isEmpty { return }
            for pid in pids { _ = kill(pid, SIGKILL) }
            sched_yield()
        }
    }

    /// Kills what is left and keeps the emptied cgroup for the next call (idempotent). A killed process
    /// leaves the cgroup only once the kernel has torn it down, so emptying is retried briefly; a cgroup
    /// that will not empty is left to the kernel and not reused.
    public func release() {
        let first = released.withLock { released in
            defer { released = true }
            return !released
        }
        guard first else { return }
        for attempt in 0..<200 {
            killAll()
            if members().isEmpty {
                Self.idle.withLock { $0[parent, default: []].append(path) }
                return
            }
            if attempt > 10 { usleep(1000) }
        }
    }

    deinit {
        release()
    }

    /// Removes the emptied cgroups kept for reuse (at exit).
    static func removeIdle() {
        let paths = idle.withLock { idle in
            defer { idle = [:] }
            return idle.values.flatMap { $0 }
        }
        for path in paths { _ = rmdir(path) }
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
        removeAbandoned(below: parent)
        guard let probe = create(below: parent, limit: 1) else { return nil }
        probe.release()
        return parent
    }

    /// Removes the cgroups that servers which are gone left below `parent` (`spark-<pid>-<n>`), killing
    /// anything still in them.
    private static func removeAbandoned(below parent: String) {
        guard let directory = opendir(parent) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            let fields = name.split(separator: "-")
            guard fields.count == 3, fields[0] == "spark", let owner = pid_t(fields[1]), owner != getpid(),
                kill(owner, 0) == -1, errno == ESRCH
            else { continue }
            let abandoned = CallCgroup(path: parent + "/" + name, parent: parent)
            abandoned.killAll()
            _ = rmdir(abandoned.path)
            abandoned.released.withLock { $0 = true }
        }
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
