import AgentCore

/// The validator's answer for a command line.
public enum CommandVerdict: Hashable, Sendable {
    case allowed
    /// Refused; the reason is written for the model and the user.
    case refused(reason: String)

    /// Whether the command may run.
    public var isAllowed: Bool { self == .allowed }

    /// The reason for a refusal.
    public var reason: String? {
        if case .refused(let reason) = self { return reason }
        return nil
    }
}
