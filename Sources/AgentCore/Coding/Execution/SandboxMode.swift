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
    /// `dieWithParent` adds `--die-with-parent`, which the kernel ties to the *thread* that spawned
    /// bwrap: use it only when that thread lives as long as the run (the process runner's does).
    public func wrap(
        executable: String, arguments: [String], writablePaths: [String], workingDirectory: String,
        dieWithParent: Bool = true
    ) -> (executable: String, arguments: [String]) {
        guard case .bubblewrap(let bwrap) = self else { return (executable, arguments) }
        var wrapped = [
            "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
        ]
        for path in writablePaths {
            wrapped += ["--bind", path, path]
        }
        wrapped += [
            "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
        ]
        if dieWithParent { wrapped.append("--die-with-parent") }
        wrapped += ["--chdir", workingDirectory, "--", executable]
        return (bwrap, wrapped + arguments)
    }
}
