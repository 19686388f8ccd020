/// Builds the `WorkspaceEdit` for one agent change, in the shape the client supports:
/// `documentChanges` (versioned `TextDocumentEdit`, `CreateFile`, `DeleteFile`) or plain `changes`,
/// with a `needsConfirmation` change annotation when asked.
public struct WorkspaceEditBuilder: Sendable {
    /// The annotation id agent edits carry when they need confirmation.
    public static let annotationID = "spark.agentEdit"

    /// Use `documentChanges` (else `changes`).
    public var useDocumentChanges: Bool
    /// The resource operations the client supports (`create`, `delete`, ...).
    public var resourceOperations: Set<String>
    /// The annotation to attach to every edit, when set.
    public var annotation: ChangeAnnotation?

    public init(useDocumentChanges: Bool, resourceOperations: Set<String>, annotation: ChangeAnnotation? = nil) {
        self.useDocumentChanges = useDocumentChanges
        self.resourceOperations = resourceOperations
        self.annotation = annotation
    }

    /// The builder for a client's capabilities; `confirm` asks for `needsConfirmation` (when the
    /// client honours change annotations).
    public init(capabilities: ClientCapabilities, confirm: Bool, label: String) {
        useDocumentChanges = capabilities.supportsDocumentChanges
        resourceOperations = Set(capabilities.resourceOperations)
        annotation =
            confirm && capabilities.supportsChangeAnnotations
            ? ChangeAnnotation(label: label, needsConfirmation: true) : nil
    }

    private var annotationID: String? { annotation == nil ? nil : Self.annotationID }

    private func finish(_ edit: WorkspaceEdit) -> WorkspaceEdit {
        var edit = edit
        if let annotation { edit.changeAnnotations = [Self.annotationID: annotation] }
        return edit
    }

    /// The minimal edit turning `buffer` into `newText`; `version` is the open buffer's version
    /// (`nil` for a file that is not open).
    public func modify(
        uri: DocumentURI, version: Int?, buffer: DocumentBuffer, newText: String, encoding: PositionEncoding
    ) -> WorkspaceEdit {
        let minimal = buffer.minimalEdit(to: newText, encoding: encoding)
        let range = LSPRange(
            start: Position(line: minimal.start.line, character: minimal.start.character),
            end: Position(line: minimal.end.line, character: minimal.end.character))
        let textEdit = TextEdit(range: range, newText: minimal.newText, annotationId: annotationID)
        return text(uri: uri, version: version, edits: [textEdit])
    }

    /// A new file with `text`: `CreateFile` then an insertion when the client supports it,
    /// else an insertion into the (new) document through `changes`.
    public func create(uri: DocumentURI, text newText: String) -> WorkspaceEdit {
        let origin = Position(line: 0, character: 0)
        let insert = TextEdit(range: LSPRange(start: origin, end: origin), newText: newText, annotationId: annotationID)
        guard useDocumentChanges, resourceOperations.contains("create") else {
            return text(uri: uri, version: nil, edits: [insert])
        }
        return finish(
            WorkspaceEdit(documentChanges: [
                .createFile(
                    CreateFile(uri: uri, options: CreateFileOptions(overwrite: false, ignoreIfExists: true), annotationId: annotationID)),
                .textDocumentEdit(
                    TextDocumentEdit(textDocument: OptionalVersionedTextDocumentIdentifier(uri: uri, version: nil), edits: [insert])),
            ]))
    }

    /// Deletes a file; `nil` when the client cannot delete files.
    public func delete(uri: DocumentURI) -> WorkspaceEdit? {
        guard useDocumentChanges, resourceOperations.contains("delete") else { return nil }
        return finish(
            WorkspaceEdit(documentChanges: [
                .deleteFile(DeleteFile(uri: uri, options: DeleteFileOptions(ignoreIfNotExists: true), annotationId: annotationID))
            ]))
    }

    private func text(uri: DocumentURI, version: Int?, edits: [TextEdit]) -> WorkspaceEdit {
        if useDocumentChanges {
            let identifier = OptionalVersionedTextDocumentIdentifier(uri: uri, version: version)
            return finish(WorkspaceEdit(documentChanges: [.textDocumentEdit(TextDocumentEdit(textDocument: identifier, edits: edits))]))
        }
        return finish(WorkspaceEdit(changes: [uri: edits]))
    }
}
