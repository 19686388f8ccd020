/// A tool call that needs the user's approval before it runs (`bash`, `execute_code`, `python_repl`).
public struct ApprovalRequest: Hashable, Sendable {
    /// The tool asking, for example `bash`.
    public var tool: String
    /// What will run: the command line or the code, for the user to read.
    public var detail: String
    public var sessionID: String

    public init(tool: String, detail: String, sessionID: String) {
        self.tool = tool
        self.detail = detail
        self.sessionID = sessionID
    }
}

/// The answer to an `ApprovalRequest`.
public enum ApprovalDecision: Hashable, Sendable {
    case allow
    /// Allowed, and allowed without asking for the rest of the session ("Always for this session").
    case allowForSession
    /// Denied; the reason goes back to the model as a `refused:` tool result.
    case deny(reason: String)
}

/// Decides whether a command or code may run: always, never, or by asking the user
/// (the LSP server asks through `window/showMessageRequest`, the command line on the terminal).
public protocol ApprovalPolicy: Sendable {
    func decide(_ request: ApprovalRequest) async -> ApprovalDecision
}
