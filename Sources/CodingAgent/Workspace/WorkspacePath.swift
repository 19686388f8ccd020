import AgentCore

/// A path inside a `WorkspaceRoot`, with every existing component resolved (no symbolic links left).
public struct WorkspacePath: Hashable, Sendable, CustomStringConvertible {
    /// The absolute path, inside the root.
    public var absolute: String
    /// The components below the root (empty for the root itself).
    public var components: [String]

    public init(absolute: String, components: [String]) {
        self.absolute = absolute
        self.components = components
    }

    /// The path relative to the root (`.` for the root itself), as shown to the model.
    public var relative: String {
        components.isEmpty ? "." : components.joined(separator: "/")
    }

    /// Whether this is the root itself.
    public var isRoot: Bool { components.isEmpty }

    /// The last component, or `.` for the root.
    public var name: String { components.last ?? "." }

    /// The parent's components.
    public var parentComponents: [String] { Array(components.dropLast()) }

    public var description: String { relative }
}
