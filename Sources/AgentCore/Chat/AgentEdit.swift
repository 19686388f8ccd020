/// A change an agent asked for and how it ended, as the front ends report it (`edit` events).
public struct AgentEdit: Hashable, Sendable {
    /// The file (absolute path).
    public var path: String
    /// `create`, `modify` or `delete`.
    public var change: FileChange.Kind
    /// Whether the change was made.
    public var applied: Bool
    /// Why not, or a note (for example that the buffer changed since the agent read it).
    public var message: String?

    public init(path: String, change: FileChange.Kind, applied: Bool, message: String? = nil) {
        self.path = path
        self.change = change
        self.applied = applied
        self.message = message
    }
}

extension FileChange.Kind {
    /// `create`, `modify` or `delete`, as the chat events spell it.
    public var name: String {
        switch self {
        case .create: "create"
        case .modify: "modify"
        case .delete: "delete"
        }
    }
}
