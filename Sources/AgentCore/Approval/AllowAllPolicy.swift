/// Approves every run (`--yes`, tests, trusted set-ups).
public struct AllowAllPolicy: ApprovalPolicy {
    public init() {}

    public func decide(_ request: ApprovalRequest) async -> ApprovalDecision {
        .allow
    }
}
