import AgentCore

/// The coding agent's file tools, built together.
public enum CodingFileTools {
    /// `file_read`, `file_write`, `glob`, `grep` and `memory` over `root`, writing through `editor`;
    /// `file_write` never writes a `protected` path. `file_read` and `file_write` share `seenFiles`,
    /// what each conversation has seen of each file (the read-before-write contract).
    public static func make(
        root: WorkspaceRoot,
        editor: any WorkspaceEditor,
        documents: (any DocumentSource)? = nil,
        memoryRoot: WorkspaceRoot,
        protected: ProtectedPaths = ProtectedPaths(),
        seenFiles: SeenFiles = SeenFiles()
    ) -> [any AgentTool] {
        [
            FileReadTool(root: root, documents: documents, seenFiles: seenFiles),
            FileWriteTool(
                root: root, editor: editor, documents: documents, protected: protected, seenFiles: seenFiles),
            GlobTool(root: root),
            GrepTool(root: root),
            MemoryTool(root: memoryRoot),
        ]
    }
}
