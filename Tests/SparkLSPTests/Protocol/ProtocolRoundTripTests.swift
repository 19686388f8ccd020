import SparkJSON
import SparkLSP
import Testing

@Suite struct ProtocolRoundTripTests {
    private func roundTrip<T: Codable & Equatable>(_ value: T) throws {
        let json = try JSONValue(encoding: value)
        #expect(try json.decode(as: T.self) == value)
    }

    @Test func workspaceEditsWithDocumentChanges() throws {
        let edit = WorkspaceEdit(
            documentChanges: [
                .createFile(CreateFile(uri: "file:///new.swift", options: CreateFileOptions(overwrite: false))),
                .textDocumentEdit(
                    TextDocumentEdit(
                        textDocument: OptionalVersionedTextDocumentIdentifier(uri: "file:///a.swift", version: 3),
                        edits: [
                            TextEdit(
                                range: LSPRange(
                                    start: Position(line: 0, character: 0), end: Position(line: 0, character: 1)),
                                newText: "x", annotationId: "spark")
                        ])),
                .deleteFile(DeleteFile(uri: "file:///old.swift")),
            ],
            changeAnnotations: ["spark": ChangeAnnotation(label: "Spark", needsConfirmation: true)])
        try roundTrip(edit)
        let json = try JSONValue(encoding: edit)
        #expect(json["documentChanges"]?.arrayValue?[0]["kind"] == "create")
        #expect(json["documentChanges"]?.arrayValue?[1]["kind"] == nil)
        #expect(json["changes"] == nil)
    }

    @Test func progressValues() throws {
        try roundTrip(WorkDoneProgressValue.begin(title: "t", message: "m", percentage: 0, cancellable: true))
        try roundTrip(WorkDoneProgressValue.report(message: nil, percentage: 50, cancellable: nil))
        try roundTrip(WorkDoneProgressValue.end(message: "done"))
        #expect(try JSONValue(encoding: WorkDoneProgressValue.end(message: nil)) == ["kind": "end"])
    }

    @Test func requestIDsAndKinds() throws {
        try roundTrip(RequestID.number(-3))
        try roundTrip(RequestID.string("abc"))
        try roundTrip(CodeActionKind.refactorRewrite)
        #expect(try JSONValue(encoding: MessageType.warning) == 2)
        #expect(try JSONValue(encoding: TextDocumentSyncKind.incremental) == 2)
    }

    @Test func clientCapabilitiesReadWhatHandlersNeed() throws {
        let json: JSONValue = [
            "general": ["positionEncodings": ["utf-8", "utf-16"]],
            "workspace": [
                "applyEdit": true, "configuration": true,
                "workspaceEdit": [
                    "documentChanges": true, "changeAnnotationSupport": [:], "resourceOperations": ["create"],
                ],
            ],
            "window": ["workDoneProgress": true, "showDocument": ["support": true], "showMessage": [:]],
        ]
        let capabilities = try json.decode(as: ClientCapabilities.self)
        #expect(capabilities.positionEncodings == ["utf-8", "utf-16"])
        #expect(
            capabilities.supportsApplyEdit && capabilities.supportsDocumentChanges
                && capabilities.supportsChangeAnnotations)
        #expect(
            capabilities.supportsWorkDoneProgress && capabilities.supportsShowDocument
                && capabilities.supportsConfiguration)
        #expect(capabilities.resourceOperations == ["create"])
        let odd = try (["workspace": ["applyEdit": "yes"]] as JSONValue).decode(as: ClientCapabilities.self)
        #expect(!odd.supportsApplyEdit)
        #expect(throws: DecodingError.self) { try JSONValue.array([]).decode(as: ClientCapabilities.self) }
    }

    @Test func initializeRequestFromATypicalClient() throws {
        let json: JSONValue = [
            "processId": nil, "rootUri": "file:///w", "capabilities": [:], "trace": "off",
            "clientInfo": ["name": "Neovim", "version": "0.7.2"],
            "workspaceFolders": [["uri": "file:///w", "name": "w"]],
        ]
        let request = try json.decode(as: InitializeRequest.self)
        #expect(
            request.clientInfo?.name == "Neovim" && request.workspaceFolders?.first?.name == "w"
                && request.trace == .off)
    }

    @Test func fileURIsAndPaths() {
        let path = "/tmp/a b/ü😀.swift"
        let uri = FileURI.uri(fromPath: path)
        #expect(uri == "file:///tmp/a%20b/%C3%BC%F0%9F%98%80.swift")
        #expect(FileURI.path(fromURI: uri) == path)
        #expect(FileURI.path(fromURI: "file://host/x") == "/x")
        #expect(FileURI.path(fromURI: "untitled:1") == nil)
    }
}
