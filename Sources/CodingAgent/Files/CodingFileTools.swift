import AgentCore

/// The coding agent's file tools, built together.
public enum CodingFileTools {
    /// `file_read`, `file_write`, `glob`, `grep` and `memory` over `root`, writing through `editor`;
    /// `file_write` never writes a `protected` path.
    public static func make(
        root: WorkspaceRoot,
        editor: any WorkspaceEditor,
        documents: (any DocumentSource)? = nil,
        memoryRoot: WorkspaceRoot,
        protected: ProtectedPaths = ProtectedPaths()
    ) -> [any AgentTool] {
        [
            FileReadTool(root: root, documents: documents),
            FileWriteTool(root: root, editor: editor, documents: documents, protected: protected),
            GlobTool(root: root),
            GrepTool(root: root),
            MemoryTool(root: memoryRoot),
        ]
    }
}
