/// The `approval` setting: how `bash`, `execute_code` and `python_repl` are approved.
public enum ApprovalMode: String, Hashable, Sendable, Codable {
    /// Ask with `window/showMessageRequest` (the default).
    case ask
    /// Run without asking.
    case allow
    /// Never run.
    case deny
}
