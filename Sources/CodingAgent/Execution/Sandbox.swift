import AgentCore

/// The sandbox every process an agent starts runs in, decided once by `SandboxProvider`.
///
/// Two layers, each optional: bubblewrap (namespaces: a private mount table with only system
/// directories, the workspace and the run's scratch directory; no network; an unprivileged uid
/// without capabilities; a pid namespace) and the `spark-sandbox` launcher inside it (Landlock,
/// seccomp, resource limits, a reaper). Where bwrap cannot start (containers) the launcher runs alone
/// with host paths, `--no-network` and `--landlock require`.
public struct Sandbox: Hashable, Sendable {
    /// The `spark-sandbox` launcher and what its `--probe` reported.
    public struct Launcher: Hashable, Sendable {
        /// Absolute path of the launcher on the host.
        public var path: String
        /// The Landlock ABI the kernel supports (0: none).
        public var landlockABI: Int
        /// Whether the kernel can load its seccomp filter.
        public var seccomp: Bool

        public init(path: String, landlockABI: Int, seccomp: Bool) {
            self.path = path
            self.landlockABI = landlockABI
            self.seccomp = seccomp
        }
    }

    /// Whether processes run confined.
    public enum State: Hashable, Sendable {
        /// Every process runs inside the layers present.
        case confined
        /// The operator turned the sandbox off (`CODE_EXECUTION_SANDBOX=off`): processes run unconfined.
        case optedOut(reason: String)
        /// No layer can be applied here: the run tools refuse and the analysis tools skip compilers.
        case unavailable(reason: String)
    }

    /// The `bwrap` binary, when it runs here with the hardened flags.
    public var bubblewrap: String?
    /// The launcher, when found and working.
    public var launcher: Launcher?
    /// What that adds up to.
    public var state: State
    /// Where each call gets its own pids cgroup (`CallCgroup`), when the server may create them.
    public var cgroupParent: String?

    public init(bubblewrap: String?, launcher: Launcher?, state: State, cgroupParent: String? = nil) {
        self.bubblewrap = bubblewrap
        self.launcher = launcher
        self.state = state
        self.cgroupParent = cgroupParent
    }

    /// Whether processes run inside the sandbox.
    public var isConfined: Bool { state == .confined }

    /// Whether processes may start at all (confined, or unconfined by the operator's choice).
    public var allowsProcesses: Bool {
        if case .unavailable = state { return false }
        return true
    }

    /// The layers in force, for logs and notes (`bwrap + spark-sandbox (Landlock ABI 7, seccomp) + a pids
    /// cgroup per call`).
    public var layers: String {
        switch state {
        case .optedOut(let reason): return "none (\(reason))"
        case .unavailable(let reason): return "unavailable (\(reason))"
        case .confined: break
        }
        var parts: [String] = []
        if bubblewrap != nil { parts.append("bwrap") }
        if let launcher {
            let landlock = launcher.landlockABI > 0 ? "Landlock ABI \(launcher.landlockABI)" : "no Landlock"
            parts.append("spark-sandbox (\(landlock)\(launcher.seccomp ? ", seccomp" : ""))")
        }
        if cgroupParent != nil { parts.append("a pids cgroup per call") }
        return parts.joined(separator: " + ")
    }

    /// What a session is told once, with its first run: that the sandbox is off, or what the launcher alone
    /// cannot allow (Landlock only grants, so protected paths stay read-only by locking the directories
    /// that hold them).
    public var note: String? {
        switch state {
        case .optedOut(let reason):
            return "note: the sandbox is off (\(reason)): commands run with the server's own permissions"
        case .confined where bubblewrap == nil:
            return
                "note: this sandbox (Landlock, without bubblewrap) keeps `.git/hooks`, `.spark` and the other "
                + "protected paths read-only by locking the directories that hold them: nothing can be created, "
                + "removed or renamed directly in the workspace root, `.git` or `.github`. Files there can be "
                + "changed; subdirectories and $TMPDIR are fully writable, and file_write can still create files there"
        case .confined, .unavailable:
            return nil
        }
    }

    /// Why a run tool refuses, when the sandbox is unavailable.
    public var refusal: String? {
        guard case .unavailable(let reason) = state else { return nil }
        return
            "code execution needs a sandbox and none can be applied here: \(reason). Install bubblewrap (`bwrap`) "
            + "where user namespaces are allowed, or run on a kernel with Landlock (and keep the `spark-sandbox` "
            + "launcher next to `spark-lsp`), or opt out explicitly with CODE_EXECUTION_SANDBOX=off"
    }
}
