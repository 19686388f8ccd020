/// Settings a workspace's own configuration file sets that were ignored because the user has not trusted
/// the workspace (see `WorkspaceTrust`).
public struct UntrustedSettings: Hashable, Sendable {
    /// The workspace.
    public var workspace: String
    /// The file (`<workspace>/.spark/config.json`).
    public var file: String
    /// Its text, which trusting the workspace records.
    public var text: String
    /// The settings ignored, for example `endpoint`, `agents.coding.endpoint`.
    public var ignored: [String]

    public init(workspace: String, file: String, text: String, ignored: [String]) {
        self.workspace = workspace
        self.file = file
        self.text = text
        self.ignored = ignored
    }

    /// One line for the user: what is ignored and why.
    public var message: String {
        "\(file) sets \(ignored.joined(separator: ", ")), ignored until you trust this workspace"
    }
}
