import AgentCore

/// A line in the workspace that looks like a pattern in use.
public struct WorkspaceExample: Hashable, Sendable, Codable {
    /// Path relative to the workspace root.
    public var path: String
    public var line: Int
    public var text: String

    public init(path: String, line: Int, text: String) {
        self.path = path
        self.line = line
        self.text = text
    }
}
