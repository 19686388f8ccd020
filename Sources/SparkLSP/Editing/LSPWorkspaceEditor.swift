#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import AgentCore

/// Delivers agent edits to the editor as `workspace/applyEdit`, never behind its back.
///
/// A change is computed against the buffer version the agent read (`FileChange.baseVersion`, or
/// the file's text when it read the disk); when the buffer has moved on the edit is not sent and
/// the agent is told to read again. A rejected or failed edit is reported to the agent and nothing
/// is written. Clients without `applyEdit` get a `window/showMessage` and the edit in the reply.
public struct LSPWorkspaceEditor: WorkspaceEditor {
    /// Told about every change and how it ended; `edit` is set when it could not be sent
    /// (a client without `applyEdit`), so the reply can carry it.
    public typealias Observer = @Sendable (_ change: FileChange, _ uri: DocumentURI, _ outcome: EditOutcome, _ edit: WorkspaceEdit?) async -> Void

    let context: ServerContext
    let confirmEdits: Bool
    let observer: Observer

    public init(context: ServerContext, confirmEdits: Bool = false, observer: @escaping Observer = { _, _, _, _ in }) {
        self.context = context
        self.confirmEdits = confirmEdits
        self.observer = observer
    }

    public func apply(_ change: FileChange) async throws -> EditOutcome {
        let open = await openDocument(path: change.path)
        let uri = open?.uri ?? FileURI.uri(fromPath: change.path)
        let outcome: EditOutcome
        var unsent: WorkspaceEdit?
        switch await prepare(change, uri: uri, open: open) {
        case .refused(let message):
            outcome = EditOutcome(applied: false, message: message)
        case .ready(let edit):
            if context.clientCapabilities.supportsApplyEdit {
                outcome = try await send(edit, change: change, uri: uri, open: open)
            } else {
                unsent = edit
                let text = "Spark: the editor cannot apply edits (no workspace/applyEdit support); the change to \(change.path) is in the chat reply."
                context.showMessage(.warning, text)
                outcome = EditOutcome(applied: false, message: "not applied: the editor cannot apply edits; the change was shown to the user instead")
            }
        }
        await observer(change, uri, outcome, unsent)
        return outcome
    }

    enum Prepared {
        case ready(WorkspaceEdit)
        case refused(String)
    }

    func prepare(_ change: FileChange, uri: DocumentURI, open: OpenTextDocument?) async -> Prepared {
        let builder = WorkspaceEditBuilder(
            capabilities: context.clientCapabilities, confirm: confirmEdits, label: "Spark: agent edit")
        let encoding = await context.documents.encoding
        switch change.kind {
        case .create:
            return .ready(builder.create(uri: uri, text: change.newText))
        case .delete:
            guard let edit = builder.delete(uri: uri) else {
                return .refused("refused: the editor cannot delete files (no resourceOperations delete support); \(change.path) was not deleted")
            }
            return .ready(edit)
        case .modify:
            if let open {
                if let base = change.baseVersion, base != open.version {
                    return .refused(Self.staleMessage(change.path, read: "version \(base)", now: open.version))
                }
                if change.baseVersion == nil, let original = change.originalText, original != open.buffer.text {
                    return .refused(Self.staleMessage(change.path, read: "the file on disk", now: open.version))
                }
                return .ready(
                    builder.modify(uri: uri, version: open.version, buffer: open.buffer, newText: change.newText, encoding: encoding))
            }
            let disk = FileManager.default.contents(atPath: change.path).map { String(decoding: $0, as: UTF8.self) }
            if let original = change.originalText, let disk, disk != original {
                return .refused("refused: \(change.path) changed on disk since you read it; read it again and redo the change")
            }
            let base = DocumentBuffer(disk ?? change.originalText ?? "")
            return .ready(builder.modify(uri: uri, version: nil, buffer: base, newText: change.newText, encoding: encoding))
        }
    }

    private func send(_ edit: WorkspaceEdit, change: FileChange, uri: DocumentURI, open: OpenTextDocument?) async throws -> EditOutcome {
        // Never send a version that is no longer current.
        if let open, let now = await context.documents.document(open.uri)?.version, now != open.version {
            return EditOutcome(applied: false, message: Self.staleMessage(change.path, read: "version \(open.version)", now: now))
        }
        let name = change.path.split(separator: "/").last.map(String.init) ?? change.path
        do {
            let result = try await context.applyEdit(edit, label: "Spark: edit \(name)")
            if result.applied { return .applied }
            let reason = result.failureReason.map { ": \($0)" } ?? ""
            return EditOutcome(applied: false, message: "error: the editor rejected the edit to \(change.path)\(reason); nothing was written")
        } catch let error as CancellationError {
            throw error
        } catch {
            return EditOutcome(
                applied: false, message: "error: the editor failed to apply the edit to \(change.path): \(error); nothing was written")
        }
    }

    private static func staleMessage(_ path: String, read: String, now: Int) -> String {
        "refused: \(path) changed in the editor since you read it (you read \(read), the buffer is now at version \(now)); the edit was not sent. Read the file again and redo the change."
    }

    private func openDocument(path: String) async -> OpenTextDocument? {
        let documents = context.documents
        for uri in await documents.openURIs where FileURI.path(fromURI: uri) == path {
            return await documents.document(uri)
        }
        return nil
    }
}
