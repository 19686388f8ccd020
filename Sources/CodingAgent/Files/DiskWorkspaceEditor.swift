import AgentCore

/// The command line's `WorkspaceEditor`: applies changes to files on disk, below a root.
///
/// Each write goes to a temporary file that is renamed over the target (or linked, for a
/// create, so an existing file is never replaced), without following symbolic links. A change
/// whose `originalText` no longer matches the file is refused, as is a create over an
/// existing file, a path outside the root and a protected path (defence in depth: `file_write`
/// refuses those first).
public struct DiskWorkspaceEditor: WorkspaceEditor {
    public let root: WorkspaceRoot
    /// Paths never written, checked on the resolved path.
    public let protected: ProtectedPaths

    public init(root: WorkspaceRoot, protected: ProtectedPaths = ProtectedPaths()) {
        self.root = root
        self.protected = protected
    }

    public func apply(_ change: FileChange) async throws -> EditOutcome {
        do {
            return try applyNow(change)
        } catch {
            return EditOutcome(applied: false, message: error.reason)
        }
    }

    private func applyNow(_ change: FileChange) throws(WorkspacePathError) -> EditOutcome {
        guard change.path.hasPrefix("/"), root.contains(WorkspaceRoot.lexicallyNormalized(change.path)) else {
            throw .refused("\(change.path) is outside the workspace \(root.path)")
        }
        let target = try root.resolve(change.path)
        if let refusal = protected.writeRefusal(for: target.components) { throw .refused(refusal) }
        switch change.kind {
        case .create:
            try SecureFileSystem.writeAtomically(
                root: root.path, components: target.components, bytes: Array(change.newText.utf8), exclusive: true)
        case .modify:
            try ensureUnchanged(target, since: change.originalText)
            try SecureFileSystem.writeAtomically(
                root: root.path, components: target.components, bytes: Array(change.newText.utf8), exclusive: false)
        case .delete:
            try ensureUnchanged(target, since: change.originalText)
            try SecureFileSystem.removeFile(root: root.path, components: target.components)
        }
        return .applied
    }

    /// Throws when the file's text differs from `original` (no check when `original` is `nil`).
    private func ensureUnchanged(_ target: WorkspacePath, since original: String?) throws(WorkspacePathError) {
        guard let original else { return }
        let current = try SecureFileSystem.readFile(root: root.path, components: target.components)
        guard current.bytes.elementsEqual(original.utf8) else {
            throw .failed("\(target.relative) changed on disk since it was read; read it again and redo the edit")
        }
    }
}
