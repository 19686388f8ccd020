import SparkLSP
import SparkTestSupport
import Synchronization

/// The editor side of the in-process client, as far as buffers go: it opens buffers and keeps their versions, the
/// user types into them (`didChange`), and it applies `workspace/applyEdit` the way an editor does: a versioned
/// edit only to that version of the buffer, then the change reported with `didChange` before the answer.
final class SimulatedEditor: Sendable {
    let client: TestLSPClient
    /// Buffer versions by URI; guarded by the mutex.
    private let versions = Mutex<[DocumentURI: Int]>([:])
    /// The `workspace/applyEdit` requests received, in order; guarded by the mutex.
    private let requests = Mutex<[ApplyEditRequest]>([])

    init(client: TestLSPClient) {
        self.client = client
        client.handle(ApplyEditRequest.self) { [weak self] request in
            self?.apply(request) ?? ApplyWorkspaceEditResult(applied: false, failureReason: "no editor")
        }
    }

    /// The edits the server asked for so far.
    var received: [ApplyEditRequest] { requests.withLock { $0 } }

    /// Opens a buffer at `version`.
    func open(_ path: String, _ text: String, version: Int = 1) {
        let uri = FileURI.uri(fromPath: path)
        versions.withLock { $0[uri] = version }
        client.notify(
            DidOpenTextDocumentNotification(
                textDocument: TextDocumentItem(uri: uri, languageId: "python", version: version, text: text)))
    }

    /// The user types `text` at the start of line `line` (0-based) of the buffer of `path`, then waits until the
    /// server holds the change.
    func type(_ text: String, atLine line: Int, of path: String) async throws {
        let uri = FileURI.uri(fromPath: path)
        let at = Position(line: line, character: 0)
        report([TextEdit(range: LSPRange(start: at, end: at), newText: text)], to: uri)
        _ = try await buffer(path)
    }

    /// The buffer of `path` as the server holds it (answered after every change sent before).
    func buffer(_ path: String) async throws -> DebugDocumentResult {
        try await client.send(DebugDocumentRequest(uri: FileURI.uri(fromPath: path)))
    }

    private func apply(_ request: ApplyEditRequest) -> ApplyWorkspaceEditResult {
        requests.withLock { $0.append(request) }
        for change in request.edit.documentChanges ?? [] {
            guard case .textDocumentEdit(let edit) = change else { continue }
            let uri = edit.textDocument.uri
            if let version = edit.textDocument.version, version != versions.withLock({ $0[uri] }) {
                return ApplyWorkspaceEditResult(
                    applied: false, failureReason: "the buffer is not at version \(version)")
            }
            report(edit.edits, to: uri)
        }
        for (uri, edits) in request.edit.changes ?? [:] { report(edits, to: uri) }
        return ApplyWorkspaceEditResult(applied: true)
    }

    /// Reports `edits` as the next version of the buffer, in order (the server sends one minimal edit a change).
    private func report(_ edits: [TextEdit], to uri: DocumentURI) {
        let version = versions.withLock { versions in
            versions[uri, default: 0] += 1
            return versions[uri, default: 0]
        }
        client.notify(
            DidChangeTextDocumentNotification(
                textDocument: VersionedTextDocumentIdentifier(uri: uri, version: version),
                contentChanges: edits.map { TextDocumentContentChangeEvent(range: $0.range, text: $0.newText) }))
    }
}
