import AgentCore

/// A redirection such as `2>&1` or `> out.txt`.
struct ShellRedirection: Hashable, Sendable {
    var op: String
    var descriptor: String?
    var target: ShellWord

    /// Whether it writes to the file named by `target`.
    var writesFile: Bool {
        switch op {
        case ">", ">>", ">|", "&>", "&>>", "<>": return true
        case ">&": return !(target.literal.allSatisfy(\.isNumber) || target.literal == "-")
        default: return false
        }
    }
}
