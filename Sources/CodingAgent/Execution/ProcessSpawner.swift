import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Starts a program with `posix_spawn` in a new session (so it leads its own process group),
/// with chosen descriptors mapped onto the child's 0, 1, 2, ... and every other descriptor closed.
package enum ProcessSpawner {
    /// Spawns `executable`; `descriptors` maps child descriptor numbers to the parent's descriptors.
    /// Descriptors not listed are not inherited: the child closes all others, including any another
    /// thread opened without close-on-exec.
    package static func spawn(
        executable: String,
        arguments: [String],
        environment: [String: String],
        workingDirectory: String,
        descriptors: [Int32: Int32]
    ) throws(ExecutionError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Copy every source above all the numbers involved first, so no mapping clobbers another's source.
        let offset = (descriptors.keys.max() ?? 0) + (descriptors.values.max() ?? 0) + 1
        for (target, source) in descriptors.sorted(by: { $0.key < $1.key }) {
            posix_spawn_file_actions_adddup2(&actions, source, target + offset)
        }
        for target in descriptors.keys.sorted() {
            posix_spawn_file_actions_adddup2(&actions, target + offset, target)
            posix_spawn_file_actions_addclose(&actions, target + offset)
        }
        _ = GNUExtensions.addCloseFrom(&actions, (descriptors.keys.max() ?? 2) + 1)
        let chdirStatus = GNUExtensions.addChdir(&actions, workingDirectory)
        guard chdirStatus == 0 else { throw ExecutionError("cannot set working directory", errno: chdirStatus) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGQUIT, SIGHUP, SIGCHLD, SIGUSR1, SIGUSR2] {
            sigaddset(&defaultSignals, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        let flags = GNUExtensions.spawnSetSession | Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted(by: { $0.key < $1.key }).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        var status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        // A script written a moment ago can still be open for writing in a child another thread is
        // spawning (ETXTBSY until that child has closed its descriptors): a short wait and a retry get past it.
        var retries = 0
        while status == ETXTBSY, retries < 20 {
            retries += 1
            usleep(5_000)
            status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        }
        guard status == 0 else {
            throw ExecutionError("cannot start \(executable): \(String(cString: strerror(status)))", errno: status)
        }
        return pid
    }

    /// A pipe whose both ends are close-on-exec.
    package static func pipe() throws(ExecutionError) -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        guard GNUExtensions.cloexecPipe(&fds) == 0 else { throw ExecutionError("cannot create a pipe", errno: errno) }
        return (fds[0], fds[1])
    }

    /// Opens `/dev/null` for reading, close-on-exec.
    package static func devNull() throws(ExecutionError) -> Int32 {
        let fd = open("/dev/null", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ExecutionError("cannot open /dev/null", errno: errno) }
        return fd
    }
}
