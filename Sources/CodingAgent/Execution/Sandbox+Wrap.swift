import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Sandbox {
    /// Files above this size are not written by sandboxed programs (`--fsize`, 1 GiB).
    static let fileSizeLimit = 1 << 30
    /// Open descriptors per process (`--nofile`).
    static let descriptorLimit = 4096
    /// Private writable memory per process (`--data`, `RLIMIT_DATA`, 8 GiB): what a program has written, not
    /// the address space it reserves, so runtimes that reserve large heaps (the JVM, Go) still start.
    static let memoryLimit = 8 << 30
    /// Tasks (processes and threads) per call: the call's pids cgroup, or `RLIMIT_NPROC` (`--nproc`).
    public static let processLimit = 1024

    /// The command the host spawns to run `run` in this sandbox: `bwrap ... -- launcher ... -- command`,
    /// `launcher ... -- command` or, opted out, the command itself.
    public func wrap(_ run: SandboxRun, layout: SandboxLayout) -> SandboxedCommand {
        guard isConfined else {
            return SandboxedCommand(
                executable: run.command[0], arguments: Array(run.command.dropFirst()), environment: [:])
        }
        if let bubblewrap {
            var inner = run.command
            if let launcher {
                inner =
                    [SandboxLayout.launcherMountPoint]
                    + launcherOptions(run, layout: layout, launcher: launcher, insideBubblewrap: true) + ["--"] + inner
            }
            let command = Self.joiningCgroup(
                run.cgroup, [bubblewrap] + bubblewrapOptions(run, layout: layout) + ["--"] + inner)
            return SandboxedCommand(
                executable: command[0], arguments: Array(command.dropFirst()),
                environment: ["HOME": SandboxLayout.home, "TMPDIR": "/tmp"])
        }
        guard let launcher else {
            // A confined sandbox has at least one layer; this is a programmer error.
            preconditionFailure("a confined sandbox without layers")
        }
        let command = Self.joiningCgroup(
            run.cgroup,
            [launcher.path] + launcherOptions(run, layout: layout, launcher: launcher, insideBubblewrap: false) + ["--"]
                + run.command)
        return SandboxedCommand(
            executable: command[0], arguments: Array(command.dropFirst()),
            environment: ["HOME": run.scratch, "TMPDIR": run.scratch])
    }

    /// `command`, started by a shell that first moves itself into the call's cgroup: a process must join
    /// before it forks (bwrap forks at once), and the host spawns with `posix_spawn`, which cannot join one.
    static func joiningCgroup(_ cgroup: String?, _ command: [String]) -> [String] {
        guard let cgroup else { return command }
        return ["/bin/sh", "-c", #"echo $$ > "$0/cgroup.procs" && exec "$@""#, cgroup] + command
    }

    /// The hardened bwrap options (before `--`).
    func bubblewrapOptions(_ run: SandboxRun, layout: SandboxLayout) -> [String] {
        var options = [
            "--unshare-all", "--uid", "65534", "--gid", "65534", "--cap-drop", "ALL",
        ]
        if run.dieWithParent { options.append("--die-with-parent") }
        if run.newSession { options.append("--new-session") }
        options += ["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--dir", SandboxLayout.home]
        options += ["--ro-bind", "/usr", "/usr"]
        for link in SandboxLayout.systemLinks {
            if let target = SandboxLayout.symlinkTarget(link) {
                options += ["--symlink", target, link]
            } else if SandboxLayout.kind(link) == S_IFDIR {
                options += ["--ro-bind-try", link, link]
            }
        }
        for path in layout.etcPaths { options += ["--ro-bind-try", path, path] }
        for path in layout.toolchainDirectories { options += ["--ro-bind-try", path, path] }
        if let launcher { options += ["--ro-bind", launcher.path, SandboxLayout.launcherMountPoint] }
        for path in run.writable { options += ["--bind", path, path] }
        // After the writable binds, so they cover what is below.
        if let root = run.workspaceRoot {
            let hidden = Set(layout.protectedPaths.absolutePaths(in: root, hiddenOnly: true))
            for path in layout.protectedPaths.absolutePaths(in: root) {
                guard let kind = SandboxLayout.kind(path) else { continue }
                if hidden.contains(path) {
                    options += kind == S_IFDIR ? ["--tmpfs", path] : ["--ro-bind", "/dev/null", path]
                } else if kind != S_IFLNK {
                    options += ["--ro-bind", path, path]
                }
            }
        }
        options += ["--chdir", run.workingDirectory]
        return options
    }

    /// The launcher's options (before `--`): paths inside bwrap, or host paths when it runs alone.
    func launcherOptions(_ run: SandboxRun, layout: SandboxLayout, launcher: Launcher, insideBubblewrap: Bool)
        -> [String]
    {
        var read = ["/usr"] + SandboxLayout.systemLinks.filter { SandboxLayout.kind($0) != nil }
        read += insideBubblewrap ? ["/etc"] : layout.etcPaths
        read += ["/proc"] + SandboxLayout.readableDevices + layout.toolchainDirectories
        var write = run.writable + ["/dev/null"]
        if insideBubblewrap { write.append("/tmp") } else if !write.contains(run.scratch) { write.append(run.scratch) }
        var options = read.flatMap { ["--read", $0] } + write.flatMap { ["--write", $0] }
        if !insideBubblewrap, let root = run.workspaceRoot {
            // bwrap mounts them read-only or hides them; alone, Landlock keeps them (see `--protect`).
            options += layout.protectedPaths.absolutePaths(in: root).flatMap { ["--protect", $0] }
            options += layout.protectedPaths.absolutePaths(in: root, hiddenOnly: true).flatMap { ["--hide", $0] }
        }
        options += [
            "--fsize", "\(Self.fileSizeLimit)", "--nofile", "\(Self.descriptorLimit)", "--data", "\(Self.memoryLimit)",
            "--reap",
        ]
        // The kernel counts RLIMIT_NPROC per user: inside bwrap's user namespace that is the call's tasks
        // alone; outside, every task of the server's user, hence `+N`. Root is exempt (the cgroup covers it).
        options += ["--nproc", insideBubblewrap ? "\(Self.processLimit)" : "+\(Self.processLimit)"]
        if let seconds = run.cpuSeconds { options += ["--cpu", "\(seconds)"] }
        if insideBubblewrap {
            // bwrap already confines the files; Landlock adds its scopes where the kernel has it.
            options += ["--landlock", launcher.landlockABI > 0 ? "require" : "best-effort"]
        } else {
            options += ["--landlock", "require", "--no-network"]
        }
        if !launcher.seccomp { options.append("--no-seccomp") }
        return options
    }
}
