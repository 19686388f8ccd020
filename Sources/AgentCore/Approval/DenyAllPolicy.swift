/// Denies every run with the same reason (for example when there is no one to ask).
public struct DenyAllPolicy: ApprovalPolicy {
    /// Sent back to the model as `refused: <reason>`.
    public var reason: String

    public init(reason: String = "running commands and code is not approved in this session") {
        self.reason = reason
    }

    public func decide(_ request: ApprovalRequest) async -> ApprovalDecision {
        .deny(reason: reason)
    }
}
