/// The "Always for this session" answers: tools the user allowed for a whole conversation. `ChatService`
/// keeps one for every front end, consults it before asking and records `.allowForSession` answers.
public actor SessionApprovals {
    private var allowed: Set<Key> = []

    private struct Key: Hashable {
        var session: String
        var tool: String
    }

    public init() {}

    /// Whether `tool` may run in `session` without asking.
    public func isAllowed(tool: String, session: String) -> Bool {
        allowed.contains(Key(session: session, tool: tool))
    }

    /// Allows `tool` for the rest of `session`.
    public func allow(tool: String, session: String) {
        allowed.insert(Key(session: session, tool: tool))
    }

    /// Forgets every answer given for `session` (it was reset).
    public func forget(session: String) {
        allowed = allowed.filter { $0.session != session }
    }

    /// `policy`, answered from these approvals first; a `.allowForSession` answer is remembered.
    public nonisolated func asking(_ policy: any ApprovalPolicy) -> any ApprovalPolicy {
        RememberingPolicy(inner: policy, approvals: self)
    }

    private struct RememberingPolicy: ApprovalPolicy {
        let inner: any ApprovalPolicy
        let approvals: SessionApprovals

        func decide(_ request: ApprovalRequest) async -> ApprovalDecision {
            if await approvals.isAllowed(tool: request.tool, session: request.sessionID) { return .allow }
            let decision = await inner.decide(request)
            if case .allowForSession = decision {
                await approvals.allow(tool: request.tool, session: request.sessionID)
                return .allow
            }
            return decision
        }
    }
}
