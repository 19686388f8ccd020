import AgentCore

/// A token of shell input.
enum ShellToken: Hashable, Sendable {
    case word(ShellWord)
    /// `|`, `|&`, `||`, `&&`, `;`, `;;`, `&`, `(`, `)` or a newline (`"\n"`).
    case control(String)
    /// `<`, `>`, `>>`, `>|`, `<>`, `<<`, `<<-`, `<<<`, `<&`, `>&`, `&>`, `&>>`, with an optional descriptor number.
    case redirection(String, descriptor: String?)
}
