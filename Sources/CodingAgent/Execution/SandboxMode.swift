import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The sandbox in force, decided once per toolkit.
public enum SandboxMode: Hashable, Sendable {
    /// Runs go through this `bwrap` binary: no network, root read-only, the workspace and scratch
    /// directory writable, a private `/tmp`.
    case bubblewrap(executable: String)
    /// No sandbox; the reason says why.
    case none(reason: String)

    /// Whether runs are sandboxed.
    public var isSandboxed: Bool {
        if case .bubblewrap = self { return true }
        return false
    }

    /// Wraps a command so it runs in the sandbox (unchanged when there is none).
    ///
    /// `hiddenPaths` (credentials such as `~/.ssh`) are covered: directories by an empty tmpfs,
    /// files by `/dev/null`. `dieWithParent` adds `--die-with-parent`, which the kernel ties to the
    /// *thread* that spawned bwrap: use it only when that thread lives as long as the run (the
    /// process runner's does).
    public func wrap(
        executable: String, arguments: [String], writablePaths: [String], workingDirectory: String,
        hiddenPaths: [String] = [], dieWithParent: Bool = true
    ) -> (executable: String, arguments: [String]) {
        guard case .bubblewrap(let bwrap) = self else { return (executable, arguments) }
        var wrapped = [
            "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
        ]
        for path in writablePaths {
            wrapped += ["--bind", path, path]
        }
        // After the binds, so a credential inside a writable path stays covered.
        for path in hiddenPaths {
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
            wrapped += isDirectory ? ["--tmpfs", path] : ["--ro-bind", "/dev/null", path]
        }
        wrapped += [
            "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
        ]
        if dieWithParent { wrapped.append("--die-with-parent") }
        wrapped += ["--chdir", workingDirectory, "--", executable]
        return (bwrap, wrapped + arguments)
    }
}
