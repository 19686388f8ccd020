import AgentCore
import Synchronization

/// What the LSP editor knows of a run's edits beyond `AgentEdit`: the URI it used and, for a client that
/// cannot apply edits, the edit itself (returned in the reply so the client can show or apply it).
final class EditLedger: Sendable {
    private let entries = Mutex<[String: (uri: DocumentURI, unsent: WorkspaceEdit?)]>([:])

    /// Records the latest edit of `path`.
    func note(path: String, uri: DocumentURI, unsent: WorkspaceEdit?) {
        entries.withLock { $0[path] = (uri, unsent) }
    }

    /// The URI the editor used for `path`.
    func uri(of path: String) -> DocumentURI {
        entries.withLock { $0[path]?.uri } ?? FileURI.uri(fromPath: path)
    }

    /// The reply's record of an edit.
    func chatEdit(_ edit: AgentEdit) -> ChatEdit {
        let entry = entries.withLock { $0[edit.path] }
        return ChatEdit(
            path: edit.path, uri: entry?.uri ?? FileURI.uri(fromPath: edit.path), change: edit.change.name,
            applied: edit.applied, message: edit.message, edit: entry?.unsent)
    }
}
