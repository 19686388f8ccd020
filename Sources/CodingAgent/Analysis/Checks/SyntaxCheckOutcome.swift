import AgentCore

/// What the language's own checker said about the code.
struct SyntaxCheckOutcome: Sendable {
    var findings: [AnalysisFinding] = []
    /// Messages for the reader: which checker ran, which toolchain is missing, timeouts.
    var notes: [String] = []
    /// The command that checked the code, when one ran (for example `clang -fsyntax-only`).
    var checker: String?
}
