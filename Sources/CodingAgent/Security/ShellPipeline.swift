import AgentCore

/// Commands joined by pipes; each stage holds every simple command inside it (subshells are flattened).
struct ShellPipeline: Hashable, Sendable {
    var stages: [[ShellCommand]]
}
