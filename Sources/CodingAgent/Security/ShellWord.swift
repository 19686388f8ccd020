import AgentCore

/// One word of a shell command, after quote removal.
///
/// Expansions (`$X`, `${X}`, `$(...)`, backticks) stay in `literal` as written; `hasExpansion`
/// says the word's value is only known at run time. The sources of every nested command
/// substitution (and process substitution) are kept in `substitutions` to be validated in turn.
struct ShellWord: Hashable, Sendable {
    /// The text as written.
    var raw = ""
    /// The text after quote removal.
    var literal = ""
    /// Contains a parameter expansion, substitution or an escape the validator does not decode.
    var hasExpansion = false
    /// Any part was quoted or escaped.
    var isQuoted = false
    /// Contains an unquoted glob or brace character.
    var hasGlob = false
    /// Contains an unquoted `{`, so brace expansion may turn it into several words.
    var hasBrace = false
    /// Begins with an unquoted `~`.
    var startsWithTilde = false
    /// Sources of nested `$(...)`, backtick and `<(...)` / `>(...)` substitutions.
    var substitutions: [String] = []

    /// Whether this is the unquoted reserved word or operator-like word `keyword`.
    func isBare(_ keyword: String) -> Bool {
        !isQuoted && !hasExpansion && raw == keyword
    }
}
