import AgentCore
import CodingAgent
import SparkJSON
import SparkTestSupport
import Testing

/// The read-before-write contract through `file_read` and `file_write` on disk: what a conversation read or wrote
/// lets it overwrite, insert into or delete a file, until someone else changes the file.
@Suite struct ReadBeforeWriteToolTests {
    static let original = "def add(a, b):\n    return a + b\n"
    static let typed = "def add(a, b):\n    # the user's line\n    return a + b\n"

    let workspace: TestWorkspace
    let recorder: RecordingWorkspaceEditor
    let seenFiles = SeenFiles()
    let reader: FileReadTool
    let writer: FileWriteTool

    init() throws {
        workspace = try TestWorkspace()
        recorder = RecordingWorkspaceEditor(behavior: .forward(DiskWorkspaceEditor(root: workspace.root)))
        reader = FileReadTool(root: workspace.root, seenFiles: seenFiles)
        writer = FileWriteTool(root: workspace.root, editor: recorder, seenFiles: seenFiles)
        workspace.write("calc.py", Self.original)
    }

    func context(_ session: String) -> ToolContext {
        ToolContext(sessionID: session, agentName: "coding", toolCallID: "call")
    }

    @discardableResult
    func read(_ path: String = "calc.py", in session: String = "a") async throws -> ToolResult {
        try await reader.call(["path": .string(path)], context: context(session))
    }

    func write(_ arguments: JSONValue, in session: String = "a") async throws -> ToolResult {
        try await writer.call(arguments, context: context(session))
    }

    static let overwrite: JSONValue = ["operation": "overwrite", "path": "calc.py", "content": "x = 1\n"]

    @Test func overwriteInsertAndDeleteOfAFileNeverReadAreRefused() async throws {
        // A search result is not a read.
        _ = try await GrepTool(root: workspace.root).call(["pattern": "add"], context: context("a"))
        _ = try await GlobTool(root: workspace.root).call(["pattern": "*.py"], context: context("a"))
        let calls: [(JSONValue, String)] = [
            (Self.overwrite, "overwriting it"),
            (["operation": "insert", "path": "calc.py", "insert_line": 1, "content": "# note"], "inserting into it"),
            (["operation": "delete", "path": "calc.py"], "deleting it"),
        ]
        for (call, action) in calls {
            let result = try await write(call)
            #expect(result.isError)
            #expect(
                result.content
                    == "refused: calc.py has not been read in this conversation: read it with file_read before \(action)"
            )
        }
        #expect(workspace.read("calc.py") == Self.original)
    }

    @Test func aFileChangedOnDiskSinceItWasReadIsRefusedUntilReadAgain() async throws {
        try await read()
        workspace.write("calc.py", Self.typed)  // another process writes it
        let refused = try await write(Self.overwrite)
        #expect(refused.isError)
        #expect(
            refused.content
                == "refused: calc.py changed on disk since you read it: read it again with file_read before overwriting it"
        )
        #expect(workspace.read("calc.py") == Self.typed, "the other process's text is intact")
        try await read()
        let written = try await write(Self.overwrite)
        #expect(!written.isError, "\(written.content)")
        #expect(workspace.read("calc.py") == "x = 1\n")
    }

    @Test func afterItsOwnWriteTheAgentWritesAgainWithoutReading() async throws {
        try await read()
        #expect(try await write(Self.overwrite).isError == false)
        let inserted = try await write([
            "operation": "insert", "path": "calc.py", "insert_line": 1, "content": "y = 2",
        ])
        #expect(!inserted.isError, "\(inserted.content)")
        let deleted = try await write(["operation": "delete", "path": "calc.py"])
        #expect(!deleted.isError, "\(deleted.content)")
        #expect(workspace.read("calc.py") == nil)
        // Deleted and made again by someone else: not seen any more.
        workspace.write("calc.py", Self.original)
        #expect(try await write(Self.overwrite).content.hasPrefix("refused: calc.py has not been read"))
    }

    @Test func strReplaceAndAppendOnAChangedFileApplyToTheCurrentTextAndSaySo() async throws {
        try await read()
        workspace.write("calc.py", Self.typed)
        let replaced = try await write([
            "operation": "str_replace", "path": "calc.py", "old_text": "a + b", "new_text": "a - b",
        ])
        #expect(!replaced.isError, "\(replaced.content)")
        #expect(
            replaced.content.hasSuffix(
                "note: calc.py had changed on disk since you read it; the edit was applied to the current text"))
        #expect(workspace.read("calc.py") == "def add(a, b):\n    # the user's line\n    return a - b\n")
        workspace.write("calc.py", Self.typed)
        let appended = try await write(["operation": "append", "path": "calc.py", "content": "print(add(1, 2))\n"])
        #expect(!appended.isError, "\(appended.content)")
        #expect(appended.content.contains("note: calc.py had changed on disk since you wrote it"))
        #expect(workspace.read("calc.py") == Self.typed + "print(add(1, 2))\n")
        // Its text no longer there: the closest lines come back instead, and nothing is written.
        workspace.write("calc.py", "def add(a, b):\n    return b + a\n")
        let missed = try await write([
            "operation": "str_replace", "path": "calc.py", "old_text": "a - b", "new_text": "a * b",
        ])
        #expect(missed.isError && missed.content.contains("old_text was not found"))
        #expect(workspace.read("calc.py") == "def add(a, b):\n    return b + a\n")
    }

    @Test func createOfAFileThatExistsIsRefusedWithTheAdviceToReadIt() async throws {
        let result = try await write(["operation": "create", "path": "calc.py", "content": "x"])
        #expect(
            result.content
                == "refused: calc.py already exists: read it with file_read, then change it with str_replace or overwrite"
        )
        #expect(workspace.read("calc.py") == Self.original)
    }

    @Test func anotherConversationsReadDoesNotCountAndItsWriteMakesTheFileChanged() async throws {
        try await read(in: "b")
        #expect(try await write(Self.overwrite, in: "a").content.hasPrefix("refused: calc.py has not been read"))
        try await read(in: "a")
        let fromB = try await write(
            ["operation": "str_replace", "path": "calc.py", "old_text": "a + b", "new_text": "b + a"], in: "b")
        #expect(!fromB.isError, "\(fromB.content)")
        let fromA = try await write(Self.overwrite, in: "a")
        #expect(fromA.content.hasPrefix("refused: calc.py changed on disk since you read it"))
        #expect(workspace.read("calc.py") == "def add(a, b):\n    return b + a\n")
    }

    @Test func theChangeCarriesWhatTheConversationSawOfTheLiveBuffer() async throws {
        let path = workspace.path("calc.py")
        let documents = StaticDocumentSource([path: OpenDocument(text: Self.original, version: 2)])
        let editor = RecordingWorkspaceEditor()
        let reader = FileReadTool(root: workspace.root, documents: documents, seenFiles: seenFiles)
        let writer = FileWriteTool(root: workspace.root, editor: editor, documents: documents, seenFiles: seenFiles)
        _ = try await reader.call(["path": "calc.py"], context: context("a"))
        documents.set(OpenDocument(text: Self.typed, version: 4), atPath: path)  // the user types
        _ = try await writer.call(Self.overwrite, context: context("a"))
        let change = try #require(await editor.changes.first)
        #expect(change.seen == SeenFile(text: Self.original, version: 2, source: .read))
        #expect(change.baseVersion == 4 && change.originalText == Self.typed)
        #expect(change.operation == .overwrite && change.displayPath == "calc.py")
        // The editor decides at apply time; with this text it refuses.
        guard case .refused(let message) = ReadBeforeWriteCheck.decide(change, current: Self.typed, version: 4) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(message.hasPrefix("refused: calc.py changed since you read it (version 2 -> 4)"))
    }

    @Test func aFileReadOnlyInPartBecauseOfItsSizeIsNotSeen() async throws {
        let line = String(repeating: "x", count: 99) + "\n"
        workspace.write("big.txt", String(repeating: line, count: (FileReadTool.maximumBytes / 100) + 10))
        let result = try await read("big.txt")
        #expect(result.content.contains("file_write can change it only with str_replace or append"))
        let overwrite = try await write(["operation": "overwrite", "path": "big.txt", "content": "small\n"])
        #expect(overwrite.content.hasPrefix("refused: big.txt has not been read"))
    }
}
