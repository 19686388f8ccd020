import AgentCore
import SparkLSP
import Testing

@Suite struct WorkspaceEditBuilderTests {
    private let uri = "file:///w/a.txt"

    @Test func modifyIsOneMinimalVersionedEdit() {
        let builder = WorkspaceEditBuilder(useDocumentChanges: true, resourceOperations: [])
        let edit = builder.modify(
            uri: uri, version: 7, buffer: DocumentBuffer("héllo wörld\n"), newText: "héllo world\n", encoding: .utf16)
        let expected = TextDocumentEdit(
            textDocument: OptionalVersionedTextDocumentIdentifier(uri: uri, version: 7),
            edits: [
                TextEdit(
                    range: LSPRange(start: Position(line: 0, character: 7), end: Position(line: 0, character: 8)),
                    newText: "o")
            ])
        #expect(edit.documentChanges == [.textDocumentEdit(expected)])
        #expect(edit.changes == nil && edit.changeAnnotations == nil)
    }

    @Test func deleteNeedsTheDeleteResourceOperation() {
        #expect(WorkspaceEditBuilder(useDocumentChanges: true, resourceOperations: ["create"]).delete(uri: uri) == nil)
        #expect(WorkspaceEditBuilder(useDocumentChanges: false, resourceOperations: ["delete"]).delete(uri: uri) == nil)
        let edit = WorkspaceEditBuilder(useDocumentChanges: true, resourceOperations: ["delete"]).delete(uri: uri)
        guard case .deleteFile(let delete)? = edit?.documentChanges?.first else {
            Issue.record("expected a DeleteFile, got \(String(describing: edit))")
            return
        }
        #expect(delete.uri == uri)
    }

    @Test func annotationsOnlyWhenConfirmingAndSupported() {
        let supporting = ClientCapabilities([
            "workspace": ["workspaceEdit": ["documentChanges": true, "changeAnnotationSupport": [:]]]
        ])
        let plain = ClientCapabilities(["workspace": ["workspaceEdit": ["documentChanges": true]]])
        #expect(
            WorkspaceEditBuilder(capabilities: supporting, confirm: true, label: "L").annotation?.needsConfirmation
                == true)
        #expect(WorkspaceEditBuilder(capabilities: supporting, confirm: false, label: "L").annotation == nil)
        #expect(WorkspaceEditBuilder(capabilities: plain, confirm: true, label: "L").annotation == nil)
    }
}
