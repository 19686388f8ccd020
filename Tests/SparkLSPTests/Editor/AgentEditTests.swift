import AgentCore
import SparkJSON
import SparkLSP
import SparkTestSupport
import Testing

@Suite struct AgentEditTests {
    @Test func aQuickFixRunsTheCodingAgentAndSendsAMinimalVersionedEdit() async throws {
        let recorder = EditRecorder()
        let fixture = try await EditorFixture { recorder.attach(to: $0) }
        let path = fixture.path("a.py")
        let uri = FileURI.uri(fromPath: path)
        try fixture.write("a.py", "x = 1\nprint(y)\n")
        fixture.open("a.py", "x = 1\nprint(y)\n", version: 3)
        let diagnostic = Diagnostic(
            range: LSPRange(start: Position(line: 1, character: 6), end: Position(line: 1, character: 7)),
            source: "pyflakes",
            message: "undefined name 'y'")
        let actions = try await fixture.client.send(
            CodeActionRequest(
                textDocument: TextDocumentIdentifier(uri: uri), range: diagnostic.range,
                context: CodeActionContext(diagnostics: [diagnostic], only: [.quickFix])))
        let action = try #require(actions?.first)
        #expect(action.title == "Spark: fix — undefined name 'y'")
        let command = try #require(action.command)

        fixture.model.enqueue(EditorFixture.write(path, "x = 1\nprint(x)\n"))
        fixture.model.enqueue(.text("Fixed the name."))
        let reply = try await fixture.client.send(
            ExecuteCommandRequest(command: command.command, arguments: command.arguments))
        let result = try #require(try reply?.decode(as: ChatResult.self))

        #expect(fixture.requestedModels == ["code-model", "code-model"])
        let prompt = fixture.model.requests.first?.body?["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
        #expect(prompt.contains("undefined name 'y'"))
        let system = fixture.model.requests.first?.body?["messages"]?.arrayValue?.first?["content"]?.stringValue ?? ""
        #expect(system.contains("# Workflow: debugging"), "a fix uses the debugging workflow prompt")
        let edit = try #require(recorder.received.first?.edit)
        let expected = TextDocumentEdit(
            textDocument: OptionalVersionedTextDocumentIdentifier(uri: uri, version: 3),
            edits: [
                TextEdit(
                    range: LSPRange(start: Position(line: 1, character: 6), end: Position(line: 1, character: 7)),
                    newText: "x")
            ])
        #expect(edit.documentChanges == [.textDocumentEdit(expected)])
        #expect(result.edits.map(\.applied) == [true])
        #expect(result.content == "Fixed the name.")
        #expect(fixture.read("a.py") == "x = 1\nprint(y)\n", "the server never writes behind the editor's back")
        let events = fixture.chatEvents()
        let editEvent = events.first { $0.kind == "edit" }
        #expect(editEvent?.fields["uri"] == .string(uri))
        #expect(editEvent?.fields["applied"] == true)
        let toolKinds = events.map(\.kind).filter { ["toolCall", "edit", "toolResult"].contains($0) }
        #expect(toolKinds == ["toolCall", "edit", "toolResult"], "the edit shows between its call and its result")
    }

    @Test func anEditAgainstAStaleBufferIsRefusedAndNeverSent() async throws {
        let recorder = EditRecorder()
        let fixture = try await EditorFixture { recorder.attach(to: $0) }
        let path = fixture.path("b.py")
        let uri = FileURI.uri(fromPath: path)
        fixture.open("b.py", "a = 1\n", version: 1)
        fixture.client.notify(
            DidChangeTextDocumentNotification(
                textDocument: VersionedTextDocumentIdentifier(uri: uri, version: 2),
                contentChanges: [TextDocumentContentChangeEvent(text: "a = 2\n")]))
        fixture.model.enqueue(EditorFixture.write(path, "a = 3\n", baseVersion: 1))
        fixture.model.enqueue(.text("I will read it again."))
        let result = try await fixture.client.send(SparkChatRequest(message: "set a to 3", agent: "coding"))
        #expect(recorder.received.isEmpty)
        #expect(result.edits.map(\.applied) == [false])
        #expect(result.edits.first?.message?.contains("version 1 -> 2") == true, "\(result.edits)")
        let toolMessage = fixture.model.requests.last?.body?["messages"]?.arrayValue?.last { $0["role"] == "tool" }
        #expect(toolMessage?["content"]?.stringValue?.hasPrefix("refused:") == true)
    }

    @Test func aRejectedEditIsReportedToTheAgentAndNothingIsWritten() async throws {
        let recorder = EditRecorder(answer: ApplyWorkspaceEditResult(applied: false, failureReason: "user said no"))
        let fixture = try await EditorFixture { recorder.attach(to: $0) }
        try fixture.write("c.py", "old\n")
        fixture.model.enqueue(EditorFixture.write(fixture.path("c.py"), "new\n"))
        fixture.model.enqueue(.text("ok"))
        let result = try await fixture.client.send(SparkChatRequest(message: "change it", agent: "coding"))
        #expect(recorder.received.count == 1)
        #expect(recorder.received.first?.edit.documentChanges?.count == 1)
        #expect(result.edits.first?.applied == false)
        let toolMessage = fixture.model.requests.last?.body?["messages"]?.arrayValue?.last { $0["role"] == "tool" }
        #expect(toolMessage?["content"]?.stringValue?.contains("user said no") == true)
        #expect(fixture.read("c.py") == "old\n")
    }

    @Test func aNewFileIsCreatedThenFilled() async throws {
        let recorder = EditRecorder()
        let fixture = try await EditorFixture { recorder.attach(to: $0) }
        let path = fixture.path("new.py")
        fixture.model.enqueue(EditorFixture.write(path, "print('hi')\n"))
        fixture.model.enqueue(.text("ok"))
        _ = try await fixture.client.send(SparkChatRequest(message: "create", agent: "coding"))
        let changes = try #require(recorder.received.first?.edit.documentChanges)
        guard changes.count == 2, case .createFile(let create) = changes[0],
            case .textDocumentEdit(let fill) = changes[1]
        else {
            Issue.record("expected CreateFile then TextDocumentEdit, got \(changes)")
            return
        }
        #expect(create.uri == FileURI.uri(fromPath: path))
        #expect(fill.edits.map(\.newText) == ["print('hi')\n"])
    }

    @Test func clientsWithoutDocumentChangesGetChangesAndAnnotationsWhenConfirming() async throws {
        let recorder = EditRecorder()
        let capabilities: JSONValue = [
            "workspace": ["applyEdit": true, "workspaceEdit": ["changeAnnotationSupport": ["groupsOnLabel": true]]]
        ]
        let fixture = try await EditorFixture(capabilities: capabilities, settings: ["confirmEdits": true]) {
            recorder.attach(to: $0)
        }
        try fixture.write("d.py", "one\n")
        fixture.model.enqueue(EditorFixture.write(fixture.path("d.py"), "two\n"))
        fixture.model.enqueue(.text("ok"))
        _ = try await fixture.client.send(SparkChatRequest(message: "edit", agent: "coding"))
        let edit = try #require(recorder.received.first?.edit)
        #expect(edit.documentChanges == nil)
        let textEdits = try #require(edit.changes?[FileURI.uri(fromPath: fixture.path("d.py"))])
        #expect(textEdits.map(\.newText) == ["two"])
        #expect(textEdits.first?.annotationId == WorkspaceEditBuilder.annotationID)
        #expect(edit.changeAnnotations?[WorkspaceEditBuilder.annotationID]?.needsConfirmation == true)
    }

    @Test func clientsWithoutApplyEditGetAMessageAndTheEditInTheReply() async throws {
        let fixture = try await EditorFixture(capabilities: [:])
        try fixture.write("e.py", "one\n")
        fixture.model.enqueue(EditorFixture.write(fixture.path("e.py"), "two\n"))
        fixture.model.enqueue(.text("ok"))
        let result = try await fixture.client.send(SparkChatRequest(message: "edit", agent: "coding"))
        let shown = try await fixture.client.nextNotification(ofType: ShowMessageNotification.self)
        #expect(shown.message.contains("cannot apply edits"))
        #expect(result.edits.first?.applied == false)
        #expect(result.edits.first?.edit?.changes?.values.first?.map(\.newText) == ["two"])
        #expect(fixture.read("e.py") == "one\n")
    }

    @Test func deletingNeedsTheClientsDeleteSupport() async throws {
        let recorder = EditRecorder()
        let fixture = try await EditorFixture { recorder.attach(to: $0) }
        try fixture.write("gone.py", "x\n")
        let path = fixture.path("gone.py")
        fixture.model.enqueue(
            .toolCalls([
                ScriptedToolCall(name: "file_write", arguments: ["path": .string(path), "content": "", "delete": true])
            ]))
        fixture.model.enqueue(.text("ok"))
        let result = try await fixture.client.send(SparkChatRequest(message: "delete it", agent: "coding"))
        guard case .deleteFile(let delete)? = recorder.received.first?.edit.documentChanges?.first else {
            Issue.record("expected a DeleteFile, got \(recorder.received)")
            return
        }
        #expect(delete.uri == FileURI.uri(fromPath: path))
        #expect(result.edits.first?.change == "delete")
        #expect(fixture.read("gone.py") == "x\n", "the editor deletes, not the server")

        let plain = try await EditorFixture(capabilities: ["workspace": ["applyEdit": true]])
        try plain.write("kept.py", "x\n")
        plain.model.enqueue(
            .toolCalls([
                ScriptedToolCall(
                    name: "file_write",
                    arguments: ["path": .string(plain.path("kept.py")), "content": "", "delete": true])
            ]))
        plain.model.enqueue(.text("ok"))
        let refused = try await plain.client.send(SparkChatRequest(message: "delete it", agent: "coding"))
        #expect(refused.edits.first?.applied == false)
        #expect(refused.edits.first?.message?.contains("cannot delete") == true)
    }
}
