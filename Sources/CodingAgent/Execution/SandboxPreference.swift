import AgentCore

/// Which sandbox layers to try (`CODE_EXECUTION_SANDBOX`).
public enum SandboxPreference: Hashable, Sendable {
    /// bwrap with the launcher inside when bwrap runs here, else the launcher alone (which needs Landlock);
    /// when neither can be applied the run tools refuse.
    case automatic
    /// The launcher alone, without trying bwrap (`CODE_EXECUTION_SANDBOX=launcher`): what containers get.
    case launcherOnly
    /// No sandbox (`CODE_EXECUTION_SANDBOX=off`): the operator's explicit opt-out, warned about.
    case disabled
}
