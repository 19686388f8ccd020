/// The setting `service.approval`: how a front end that cannot ask anyone (the HTTP service) decides on the
/// tools that run commands and code (`bash`, `execute_code`, `python_repl`).
public enum ServiceApproval: String, Hashable, Sendable, CaseIterable {
    /// Refuse them (the default): the model gets a `refused:` result.
    case deny
    /// Run them without asking, inside the sandbox every such tool runs in.
    case allow
}
