import AgentCore

/// Input the shell parser cannot accept (unterminated quotes, unbalanced parentheses, unsupported syntax).
struct ShellSyntaxError: Error, Hashable, Sendable {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
