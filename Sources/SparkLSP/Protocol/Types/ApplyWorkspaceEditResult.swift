/// The client's answer to `workspace/applyEdit`.
public struct ApplyWorkspaceEditResult: Codable, Hashable, Sendable {
    public var applied: Bool
    public var failureReason: String?
    public var failedChange: Int?

    public init(applied: Bool, failureReason: String? = nil, failedChange: Int? = nil) {
        self.applied = applied
        self.failureReason = failureReason
        self.failedChange = failedChange
    }
}
