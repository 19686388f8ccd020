/// Wraps a policy and remembers "always for this session" answers.
///
/// When the user chooses "always" (the LSP server's `window/showMessageRequest`, the terminal prompt),
/// the caller records it with `approveAlways(sessionID:tool:)`; later requests of that session (for
/// that tool, or for every tool when `tool` is `nil`) are allowed without asking `inner` again.
public actor SessionApprovalCache: ApprovalPolicy {
    private let inner: any ApprovalPolicy
    private var sessionsApproved: Set<String> = []
    private var toolsApproved: Set<[String]> = []

    public init(inner: any ApprovalPolicy) {
        self.inner = inner
    }

    /// Allows every later request of `sessionID` (for `tool` only, when given).
    public func approveAlways(sessionID: String, tool: String? = nil) {
        if let tool {
            toolsApproved.insert([sessionID, tool])
        } else {
            sessionsApproved.insert(sessionID)
        }
    }

    /// Forgets the session's standing approvals.
    public func revoke(sessionID: String) {
        sessionsApproved.remove(sessionID)
        toolsApproved = toolsApproved.filter { $0.first != sessionID }
    }

    public func decide(_ request: ApprovalRequest) async -> ApprovalDecision {
        if sessionsApproved.contains(request.sessionID) || toolsApproved.contains([request.sessionID, request.tool]) {
            return .allow
        }
        return await inner.decide(request)
    }
}
