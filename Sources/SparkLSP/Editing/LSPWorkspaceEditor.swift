import AgentCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Delivers agent edits to the editor as `workspace/applyEdit`, never behind its back.
///
/// Each change is decided with `ReadBeforeWriteCheck` against the open buffer and its version at the
/// moment it is applied (the disk for a file that is not open): a change to text the agent has not
/// seen is refused, or made again on the buffer's text for a `str_replace` or an `append`. The edit
/// is built on that buffer and sent with that version, and not sent at all when the buffer moved on
/// in the meantime. A rejected or failed edit is reported to the agent and nothing is written.
/// Clients without `applyEdit` get a `window/showMessage` and the edit in the reply.
public struct LSPWorkspaceEditor: WorkspaceEditor {
    /// Told about every change and how it ended; `edit` is set when it could not be sent
    /// (a client without `applyEdit`), so the reply can carry it.
    public typealias Observer =
        @Sendable (_ change: FileChange, _ uri: DocumentURI, _ outcome: EditOutcome, _ edit: WorkspaceEdit?) async ->
        Void

    /// How long an applied edit waits for the client to report the change it made to an open buffer.
    static let reportTimeout: Duration = .seconds(2)

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
        case .ready(let edit, let made, let note):
            if context.clientCapabilities.supportsApplyEdit {
                outcome = try await send(edit, change: made, note: note, uri: uri, open: open)
            } else {
                unsent = edit
                let text =
                    "Spark: the editor cannot apply edits (no workspace/applyEdit support); the change to \(change.path) is in the chat reply."
                context.showMessage(.warning, text)
                outcome = EditOutcome(
                    applied: false,
                    message: "not applied: the editor cannot apply edits; the change was shown to the user instead")
            }
        }
        await observer(change, uri, outcome, unsent)
        return outcome
    }

    enum Prepared {
        /// Send `edit`, which makes `change` (the one asked for, or made again on the buffer's text), telling the
        /// agent `note`.
        case ready(WorkspaceEdit, change: FileChange, note: String?)
        case refused(String)
    }

    /// Decides `change` against `open` (the buffer as it is now), else the file on disk, and builds its edit.
    func prepare(_ change: FileChange, uri: DocumentURI, open: OpenTextDocument?) async -> Prepared {
        let builder = WorkspaceEditBuilder(
            capabilities: context.clientCapabilities, confirm: confirmEdits, label: "Spark: agent edit")
        let current =
            open?.buffer.text
            ?? FileManager.default.contents(atPath: change.path).map { String(decoding: $0, as: UTF8.self) }
        let made: FileChange
        let note: String?
        switch ReadBeforeWriteCheck.decide(change, current: current, version: open?.version) {
        case .refused(let message): return .refused(message)
        case .proceed(let change, let message):
            made = change
            note = message
        }
        switch made.kind {
        case .create:
            return .ready(builder.create(uri: uri, text: made.newText), change: made, note: note)
        case .delete:
            guard let edit = builder.delete(uri: uri) else {
                return .refused(
                    "refused: the editor cannot delete files (no resourceOperations delete support); \(change.path) was not deleted"
                )
            }
            return .ready(edit, change: made, note: note)
        case .modify:
            let edit = builder.modify(
                uri: uri, version: open?.version, buffer: open?.buffer ?? DocumentBuffer(current ?? ""),
                newText: made.newText, encoding: await context.documents.encoding)
            return .ready(edit, change: made, note: note)
        }
    }

    private func send(
        _ edit: WorkspaceEdit, change: FileChange, note: String?, uri: DocumentURI, open: OpenTextDocument?
    ) async throws -> EditOutcome {
        // Never send a version that is no longer current.
        if let open, let now = await context.documents.document(open.uri)?.version, now != open.version {
            return EditOutcome(
                applied: false, message: Self.staleMessage(change.displayPath, read: open.version, now: now))
        }
        let name = change.path.split(separator: "/").last.map(String.init) ?? change.path
        do {
            let result = try await context.applyEdit(edit, label: "Spark: edit \(name)")
            if result.applied {
                return EditOutcome(applied: true, message: note, change: change, written: await written(change, open))
            }
            let reason = result.failureReason.map { ": \($0)" } ?? ""
            return EditOutcome(
                applied: false,
                message: "error: the editor rejected the edit to \(change.path)\(reason); nothing was written")
        } catch let error as CancellationError {
            throw error
        } catch {
            return EditOutcome(
                applied: false,
                message: "error: the editor failed to apply the edit to \(change.path): \(error); nothing was written")
        }
    }

    /// The buffer after an applied edit to an open document, once the client reported the change: what the agent
    /// saw last, with its version, when it holds the text the edit made (else `nil`: someone typed in it at once).
    private func written(_ change: FileChange, _ open: OpenTextDocument?) async -> SeenFile? {
        guard let open, change.kind == .modify,
            let after = await context.documents.document(open.uri, after: open.version, timeout: Self.reportTimeout),
            after.buffer.text.utf8.elementsEqual(change.newText.utf8)
        else { return nil }
        return SeenFile(text: change.newText, version: after.version, source: .written)
    }

    private static func staleMessage(_ path: String, read: Int, now: Int) -> String {
        "refused: \(path) changed in the editor while the edit was being sent (version \(read) -> \(now)); the edit was not sent: read it again with file_read and redo the change"
    }

    private func openDocument(path: String) async -> OpenTextDocument? {
        let documents = context.documents
        for uri in await documents.openURIs where FileURI.path(fromURI: uri) == path {
            return await documents.document(uri)
        }
        return nil
    }
}
