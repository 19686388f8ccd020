import AgentCore

/// What a checker process printed and how it ended.
struct AnalysisProcessOutput: Sendable {
    /// The exit code, or `nil` when a signal ended the process.
    var exitCode: Int32?
    var standardOutput: String
    var standardError: String
    /// Whether the timeout killed the process group.
    var timedOut: Bool

    /// Both streams, for tools that report on either.
    var combinedOutput: String {
        standardError.isEmpty ? standardOutput : standardOutput + "\n" + standardError
    }
}
