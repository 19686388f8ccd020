import AgentCore

/// A simple command: assignments, words (the first is the program) and redirections.
struct ShellCommand: Hashable, Sendable {
    /// `NAME=value` words before the program.
    var assignments: [ShellWord] = []
    /// The program and its arguments.
    var words: [ShellWord] = []
    var redirections: [ShellRedirection] = []
    /// Words that are expanded but not run (`for x in WORDS`, the inside of `[[ ]]`).
    var inertWords: [ShellWord] = []

    var isEmpty: Bool { assignments.isEmpty && words.isEmpty && redirections.isEmpty && inertWords.isEmpty }

    /// Every nested substitution's source in this command.
    var substitutions: [String] {
        (assignments + words + inertWords + redirections.map(\.target)).flatMap(\.substitutions)
    }
}
