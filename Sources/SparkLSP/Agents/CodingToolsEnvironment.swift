import AgentCore

/// Builds the coding agent's tools for one run: the one place the coding toolkit (issue 4) plugs
/// into the server.
public typealias CodingToolsFactory = @Sendable (CodingToolsEnvironment) -> [any AgentTool]

/// What the coding tools of one run are built from.
public struct CodingToolsEnvironment: Sendable {
    /// The workspace root (absolute path); tools confine paths to it.
    public var workspaceRoot: String
    /// Delivers `file_write` and friends as `workspace/applyEdit`.
    public var editor: any WorkspaceEditor
    /// The editor's open buffers.
    public var documents: any DocumentSource
    /// Asks the user before `bash`, `execute_code`, `python_repl`.
    public var approval: any ApprovalPolicy
    /// Whether the execution tools exist.
    public var enableCodeExecution: Bool

    public init(
        workspaceRoot: String, editor: any WorkspaceEditor, documents: any DocumentSource, approval: any ApprovalPolicy,
        enableCodeExecution: Bool
    ) {
        self.workspaceRoot = workspaceRoot
        self.editor = editor
        self.documents = documents
        self.approval = approval
        self.enableCodeExecution = enableCodeExecution
    }
}
