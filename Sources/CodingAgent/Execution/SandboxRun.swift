import AgentCore

/// One process to start in the sandbox: the command and the paths it may write.
public struct SandboxRun: Sendable {
    /// The program (absolute path) and its arguments.
    public var command: [String]
    /// Where it starts.
    public var workingDirectory: String
    /// Directories it may write (the workspace, the run's scratch directory).
    public var writable: [String]
    /// The run's private directory: `HOME` and `TMPDIR` when the launcher runs alone.
    public var scratch: String
    /// Whether the workspace's protected paths are re-bound read-only (or hidden) over a writable workspace.
    public var workspaceRoot: String?
    /// `--die-with-parent`, which the kernel ties to the *thread* that spawned bwrap: only when that
    /// thread lives as long as the run (the process runner's does, the REPL's does not).
    public var dieWithParent: Bool = true
    /// `--new-session`; the REPL keeps one process group so SIGINT and SIGKILL reach the interpreter.
    public var newSession: Bool = true
    /// CPU seconds each process may use (`--cpu`): the call's timeout, so a busy loop cannot outrun it in
    /// processes the timeout's kill does not reach. `nil` (the REPL, which lives for a session): unlimited.
    public var cpuSeconds: Int?
    /// The call's pids cgroup, which the launcher joins before anything starts (`CallCgroup`).
    public var cgroup: String?

    public init(
        command: [String], workingDirectory: String, writable: [String], scratch: String, workspaceRoot: String?,
        dieWithParent: Bool = true, newSession: Bool = true
    ) {
        self.command = command
        self.workingDirectory = workingDirectory
        self.writable = writable
        self.scratch = scratch
        self.workspaceRoot = workspaceRoot
        self.dieWithParent = dieWithParent
        self.newSession = newSession
    }
}
