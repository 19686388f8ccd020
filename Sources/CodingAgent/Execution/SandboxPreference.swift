import AgentCore

/// Whether code and shell commands run inside `bwrap`.
public enum SandboxPreference: Hashable, Sendable {
    /// Use `bwrap` when it can run here (probed once), else fall back to the checks alone.
    case automatic
    /// Never use a sandbox.
    case disabled
}
