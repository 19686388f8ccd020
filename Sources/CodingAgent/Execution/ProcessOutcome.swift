import AgentCore

/// What a finished process left behind.
public struct ProcessOutcome: Hashable, Sendable {
    /// The process id (also its process group and session id).
    public var pid: Int32
    /// What it wrote to stdout, capped.
    public var standardOutput: CappedOutput
    /// What it wrote to stderr, capped.
    public var standardError: CappedOutput
    /// How it ended (after a timeout: usually SIGTERM or SIGKILL).
    public var termination: Termination
    /// The timeout ended it.
    public var timedOut: Bool
    /// Task cancellation ended it.
    public var cancelled: Bool

    public init(
        pid: Int32, standardOutput: CappedOutput, standardError: CappedOutput, termination: Termination,
        timedOut: Bool, cancelled: Bool
    ) {
        self.pid = pid
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.termination = termination
        self.timedOut = timedOut
        self.cancelled = cancelled
    }
}
