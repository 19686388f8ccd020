import AgentCore

extension Duration {
    /// The duration in whole milliseconds (rounded down, at least 0).
    var execMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return max(0, seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }

    /// Whole seconds, for messages.
    var execWholeSeconds: Int64 { components.seconds }
}
