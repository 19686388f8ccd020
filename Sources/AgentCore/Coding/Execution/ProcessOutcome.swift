/// What a finished process left behind.
public struct ProcessOutcome: Hashable, Sendable {
    /// The process id (also its process group and session id).
    public var pid: Int32
    public var standardOutput: CappedOutput
    public var standardError: CappedOutput
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
