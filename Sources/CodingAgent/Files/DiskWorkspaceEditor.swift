import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The command line's `WorkspaceEditor`: applies changes to files on disk, below a root.
///
/// Each change is decided with `ReadBeforeWriteCheck` against the file as it is on disk when the
/// change is applied (a change to a file the agent has not seen, or that changed since, is refused,
/// or made again on the current text for a `str_replace` or an `append`). Each write goes to a
/// temporary file that is renamed over the target (or linked, for a create, so an existing file is
/// never replaced), without following symbolic links. A path outside the root and a protected path
/// are refused (defence in depth: `file_write` refuses those first).
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
        let made: FileChange
        let note: String?
        switch ReadBeforeWriteCheck.decide(change, current: try currentText(of: target), version: nil) {
        case .refused(let message): return EditOutcome(applied: false, message: message)
        case .proceed(let change, let message):
            made = change
            note = message
        }
        switch made.kind {
        case .create:
            try SecureFileSystem.writeAtomically(
                root: root.path, components: target.components, bytes: Array(made.newText.utf8), exclusive: true)
        case .modify:
            try SecureFileSystem.writeAtomically(
                root: root.path, components: target.components, bytes: Array(made.newText.utf8), exclusive: false)
        case .delete:
            try SecureFileSystem.removeFile(root: root.path, components: target.components)
        }
        return EditOutcome(applied: true, message: note, change: made)
    }

    /// The file's text on disk now; `nil` when it does not exist.
    private func currentText(of target: WorkspacePath) throws(WorkspacePathError) -> String? {
        do {
            let bytes = try SecureFileSystem.readFile(root: root.path, components: target.components).bytes
            return String(decoding: bytes, as: UTF8.self)
        } catch  where error.errno == ENOENT {
            return nil
        }
    }
}
