import SparkJSON

/// What a front end provides for a run: where edits go, the live buffers, who approves commands, and the
/// settings the user gave it (editor settings, a workspace folder).
public struct ChatSurface: Sendable {
    /// Delivers the agents' edits (`workspace/applyEdit`, files on disk).
    public var editor: any WorkspaceEditor
    /// The editor's open buffers, when there is an editor.
    public var documents: (any DocumentSource)?
    /// Asks the user before commands and code run. `ChatService` answers from the session's "always"
    /// approvals first and remembers a `.allowForSession` answer.
    public var approval: any ApprovalPolicy
    /// The workspace the front end works in (the editor's first folder); it wins over `WORKSPACE_DIR`.
    public var workspaceFolder: String?
    /// Layers of settings applied last, in order (`initializationOptions`, pushed and pulled settings).
    public var settings: [JSONValue]

    public init(
        editor: any WorkspaceEditor, documents: (any DocumentSource)? = nil, approval: any ApprovalPolicy,
        workspaceFolder: String? = nil, settings: [JSONValue] = []
    ) {
        self.editor = editor
        self.documents = documents
        self.approval = approval
        self.workspaceFolder = workspaceFolder
        self.settings = settings
    }
}
