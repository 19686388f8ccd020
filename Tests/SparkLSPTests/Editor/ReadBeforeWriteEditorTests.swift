import AgentCore
import CodingAgent
import SparkJSON
import SparkLSP
import SparkTestSupport
import Testing

/// The read-before-write contract in the editor, with the coding agent's real `file_read` and `file_write`: the
/// user types into the open buffer while the model is thinking, two conversations edit one file, an edit waits on
/// an approval prompt. The buffer keeps what the user typed; the agent is told to read again.
@Suite struct ReadBeforeWriteEditorTests {
    static let original = "def add(a, b):\n    return a + b\n"
    static let userLine = "    # the user's line\n"
    static let typed = "def add(a, b):\n    # the user's line\n    return a + b\n"

    static func read(_ id: String = "read") -> ScriptedReply {
        .toolCalls([ScriptedToolCall(id: id, name: "file_read", arguments: ["path": "calc.py"])])
    }

    static func write(_ arguments: JSONValue, id: String = "write") -> ScriptedReply {
        var arguments = arguments.objectValue ?? [:]
        arguments["path"] = "calc.py"
        return .toolCalls([ScriptedToolCall(id: id, name: "file_write", arguments: .object(arguments))])
    }

    static let overwrite = write(["operation": "overwrite", "content": "x = 1\n"])
    static let replace = write(["operation": "str_replace", "old_text": "a + b", "new_text": "a - b"])

    /// The result of the tool call `id`, as the model received it.
    static func toolResult(_ id: String, in fixture: EditorFixture) -> String? {
        for request in fixture.model.requests.reversed() {
            let messages = request.body?["messages"]?.arrayValue ?? []
            if let message = messages.first(where: { $0["tool_call_id"]?.stringValue == id }) {
                return message["content"]?.stringValue
            }
        }
        return nil
    }

    struct Setup {
        let fixture: EditorFixture
        let editor: SimulatedEditor
        var path: String { fixture.path("calc.py") }

        init(tools: @escaping EditorFixture.Tools = EditorFixture.realFileTools) async throws {
            fixture = try await EditorFixture(tools: tools)
            editor = SimulatedEditor(client: fixture.client)
            try fixture.write("calc.py", ReadBeforeWriteEditorTests.original)
            editor.open(fixture.path("calc.py"), ReadBeforeWriteEditorTests.original)
        }

        func chat(_ session: String = "s") async throws -> ChatResult {
            try await fixture.client.send(
                SparkChatRequest(message: "edit calc.py", sessionId: session, agent: "coding"))
        }
    }

    /// The agent reads calc.py; while the model thinks the user types a line; then `write` runs.
    func typeWhileThinking(then write: ScriptedReply) async throws -> (Setup, ChatResult) {
        let setup = try await Setup()
        let thinking = try ScriptedHold()
        setup.fixture.model.enqueue(Self.read())
        setup.fixture.model.enqueue(.held(thinking, then: write))
        setup.fixture.model.enqueue(.text("done"))
        async let reply = setup.chat()
        #expect(await thinking.reached(), "the model never got the file_read result")
        try await setup.editor.type(Self.userLine, atLine: 1, of: setup.path)
        thinking.release()
        return (setup, try await reply)
    }

    @Test func anOverwriteAfterTheUserTypedIsRefusedAndTheBufferKeepsTheLine() async throws {
        let (setup, result) = try await typeWhileThinking(then: Self.overwrite)
        #expect(
            Self.toolResult("write", in: setup.fixture)
                == "refused: calc.py changed since you read it (version 1 -> 2): read it again with file_read before overwriting it"
        )
        #expect(setup.editor.received.isEmpty, "no edit was sent")
        #expect(result.edits.map(\.applied) == [false])
        let buffer = try await setup.editor.buffer(setup.path)
        #expect(buffer.text == Self.typed && buffer.version == 2)
        #expect(setup.fixture.read("calc.py") == Self.original, "nothing was written behind the editor's back")
    }

    @Test func aStrReplaceAfterTheUserTypedIsAppliedToTheBufferWithANote() async throws {
        let (setup, result) = try await typeWhileThinking(then: Self.replace)
        let toolResult = try #require(Self.toolResult("write", in: setup.fixture))
        #expect(
            toolResult.hasSuffix(
                "note: calc.py had changed since you read it (version 1 -> 2); the edit was applied to the current text"
            ),
            "\(toolResult)")
        #expect(result.edits.map(\.applied) == [true])
        let buffer = try await setup.editor.buffer(setup.path)
        #expect(buffer.text == "def add(a, b):\n    # the user's line\n    return a - b\n")
        guard case .textDocumentEdit(let edit)? = setup.editor.received.first?.edit.documentChanges?.first else {
            Issue.record("expected a TextDocumentEdit, got \(setup.editor.received)")
            return
        }
        #expect(edit.textDocument.version == 2, "the edit is sent with the version it was decided on")
    }

    @Test func anOverwriteOfAFileNeverReadIsRefused() async throws {
        let setup = try await Setup()
        // A search is not a read.
        setup.fixture.model.enqueue(
            .toolCalls([ScriptedToolCall(id: "grep", name: "grep", arguments: ["pattern": "add"])]))
        setup.fixture.model.enqueue(Self.overwrite)
        setup.fixture.model.enqueue(.text("done"))
        _ = try await setup.chat()
        #expect(
            Self.toolResult("write", in: setup.fixture)
                == "refused: calc.py has not been read in this conversation: read it with file_read before overwriting it"
        )
        #expect(setup.editor.received.isEmpty)
        #expect(try await setup.editor.buffer(setup.path).text == Self.original)
    }

    @Test func theAgentWritesTwiceInARowWithoutReadingAgain() async throws {
        let setup = try await Setup()
        setup.fixture.model.enqueue(Self.read())
        setup.fixture.model.enqueue(Self.overwrite)
        setup.fixture.model.enqueue(
            Self.write(["operation": "insert", "insert_line": 1, "content": "y = 2"], id: "insert"))
        setup.fixture.model.enqueue(.text("done"))
        let result = try await setup.chat()
        #expect(result.edits.map(\.applied) == [true, true], "\(result.edits)")
        #expect(try await setup.editor.buffer(setup.path).text == "x = 1\ny = 2\n")
        let versions = setup.editor.received.compactMap { request -> Int? in
            guard case .textDocumentEdit(let edit)? = request.edit.documentChanges?.first else { return nil }
            return edit.textDocument.version
        }
        #expect(versions == [1, 2])
    }

    @Test func twoConversationsOnOneFile() async throws {
        let setup = try await Setup()
        // Conversation a reads the file and stops there.
        setup.fixture.model.enqueue(Self.read("a-read"))
        setup.fixture.model.enqueue(.text("read it"))
        _ = try await setup.chat("a")
        // Conversation b reads it and changes it.
        setup.fixture.model.enqueue(Self.read("b-read"))
        setup.fixture.model.enqueue(Self.replace)
        setup.fixture.model.enqueue(.text("changed it"))
        let fromB = try await setup.chat("b")
        #expect(fromB.edits.map(\.applied) == [true])
        // Conversation a's next turn overwrites what it read, which is no longer there.
        setup.fixture.model.enqueue(Self.write(["operation": "overwrite", "content": "x = 1\n"], id: "a-write"))
        setup.fixture.model.enqueue(.text("done"))
        let fromA = try await setup.chat("a")
        #expect(fromA.edits.map(\.applied) == [false])
        #expect(
            Self.toolResult("a-write", in: setup.fixture)
                == "refused: calc.py changed since you read it (version 1 -> 2): read it again with file_read before overwriting it"
        )
        #expect(try await setup.editor.buffer(setup.path).text == "def add(a, b):\n    return a - b\n")
    }

    @Test func anEditWaitingOnAnApprovalPromptIsCheckedWhenItIsApplied() async throws {
        let setup = try await Setup { run, real in
            // The write waits on the user's approval before it reaches the editor.
            let gated = ApprovalGatedEditor(inner: run.editor, approval: run.approval)
            let writer = (try? WorkspaceRoot(path: run.workspace)).map {
                FileWriteTool(root: $0, editor: gated, documents: run.documents, seenFiles: run.seenFiles)
            }
            return real.filter { $0.name == "file_read" } + [writer].compactMap { $0 }
        }
        let path = setup.path
        let editor = setup.editor
        // The user types while the prompt is open, then allows the edit.
        setup.fixture.client.handle(ShowMessageRequest.self) { request in
            #expect(request.message.contains("file_write"))
            try await editor.type(Self.userLine, atLine: 1, of: path)
            return MessageActionItem(title: LSPApprovalPolicy.allowOnce)
        }
        setup.fixture.model.enqueue(Self.read())
        setup.fixture.model.enqueue(Self.overwrite)
        setup.fixture.model.enqueue(.text("I will read it again."))
        let refused = try await setup.chat()
        #expect(refused.edits.map(\.applied) == [false])
        #expect(
            Self.toolResult("write", in: setup.fixture)?.hasPrefix(
                "refused: calc.py changed since you read it (version 1 -> 2)") == true)
        #expect(try await setup.editor.buffer(path).text == Self.typed)
        #expect(editor.received.isEmpty)

        // Read again; a str_replace waiting on the prompt goes on the text the user typed meanwhile.
        setup.fixture.model.enqueue(Self.read("read-again"))
        setup.fixture.model.enqueue(
            Self.write(["operation": "str_replace", "old_text": "a + b", "new_text": "a - b"], id: "again"))
        setup.fixture.model.enqueue(.text("done"))
        let applied = try await setup.chat()
        #expect(applied.edits.map(\.applied) == [true])
        #expect(
            Self.toolResult("again", in: setup.fixture)?.contains(
                "note: calc.py had changed since you read it (version 2 -> 3)") == true)
        #expect(
            try await setup.editor.buffer(path).text
                == "def add(a, b):\n    # the user's line\n    # the user's line\n    return a - b\n")
    }
}

/// Asks the approval policy before each change reaches the editor: an edit that waits on an approval prompt.
/// (The product asks before commands and code, not edits; the contract holds whatever waits in front of the
/// editor, because the editor decides at apply time.)
struct ApprovalGatedEditor: WorkspaceEditor {
    let inner: any WorkspaceEditor
    let approval: any ApprovalPolicy

    func apply(_ change: FileChange) async throws -> EditOutcome {
        let request = ApprovalRequest(tool: "file_write", detail: change.displayPath, sessionID: "edits")
        switch await approval.decide(request) {
        case .allow, .allowForSession: return try await inner.apply(change)
        case .deny(let reason): return EditOutcome(applied: false, message: "refused: \(reason)")
        }
    }
}
