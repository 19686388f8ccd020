import AgentCore
import CodingAgent
import SparkJSON
import SparkTestSupport
import Testing

@Suite struct FileWriteToolTests {
    let workspace: TestWorkspace
    let recorder: RecordingWorkspaceEditor
    let tool: FileWriteTool
    let reader: FileReadTool

    init() throws {
        workspace = try TestWorkspace()
        recorder = RecordingWorkspaceEditor(behavior: .forward(DiskWorkspaceEditor(root: workspace.root)))
        let seenFiles = SeenFiles()
        tool = FileWriteTool(root: workspace.root, editor: recorder, seenFiles: seenFiles)
        reader = FileReadTool(root: workspace.root, seenFiles: seenFiles)
    }

    func run(_ arguments: JSONValue) async throws -> ToolResult {
        try await tool.call(arguments, context: workspace.context)
    }

    /// Reads `path` with `file_read` in the same conversation, as the agent does before it edits a file.
    func read(_ path: String) async throws {
        let result = try await reader.call(["path": .string(path)], context: workspace.context)
        #expect(!result.isError, "\(result.content)")
    }

    @Test func createWritesANewFileAndRefusesAnExistingOne() async throws {
        let result = try await run(["operation": "create", "path": "src/new.py", "content": "a = 1\nb = 2\n"])
        #expect(result.content == "Created src/new.py (2 lines).")
        #expect(workspace.read("src/new.py") == "a = 1\nb = 2\n")
        let change = try #require(await recorder.changes.first)
        #expect(change.kind == .create)
        #expect(change.path == workspace.path("src/new.py"))
        #expect(change.originalText == nil)
        let again = try await run(["operation": "create", "path": "src/new.py", "content": "x"])
        #expect(again.isError)
        #expect(again.content.contains("already exists"))
        #expect(workspace.read("src/new.py") == "a = 1\nb = 2\n")
    }

    @Test func strReplaceWithOneMatchEditsAndReports() async throws {
        workspace.write("a.py", "def f():\n    return 1\n\ndef g():\n    return 2\n")
        let result = try await run([
            "operation": "str_replace", "path": "a.py", "old_text": "    return 1\n",
            "new_text": "    x = 1\n    return x\n",
        ])
        #expect(!result.isError)
        #expect(result.content.hasPrefix("str_replace a.py: 1 lines removed, 2 added; it now has 6 lines."))
        #expect(result.content.contains("     3\t    return x"))
        #expect(workspace.read("a.py") == "def f():\n    x = 1\n    return x\n\ndef g():\n    return 2\n")
        let change = try #require(await recorder.changes.first)
        #expect(change.kind == .modify)
        #expect(change.originalText == "def f():\n    return 1\n\ndef g():\n    return 2\n")
        #expect(change.baseVersion == nil)
    }

    @Test func strReplaceWithNoMatchQuotesTheClosestLines() async throws {
        workspace.write("a.py", "import os\n\ndef compute(value):\n    total = value * 2\n    return total\n")
        let result = try await run([
            "operation": "str_replace", "path": "a.py", "old_text": "def compute(val):", "new_text": "x",
        ])
        #expect(result.isError)
        #expect(result.content.contains("was not found"))
        #expect(result.content.contains("     3\tdef compute(value):"))
        #expect(await recorder.changes.isEmpty)
        // Whitespace-only differences are pointed out with the exact lines.
        let indented = try await run([
            "operation": "str_replace", "path": "a.py", "old_text": "  total = value * 2\n  return total",
            "new_text": "x",
        ])
        #expect(indented.content.contains("Ignoring whitespace it matches lines 4-5"))
        #expect(indented.content.contains("     4\t    total = value * 2"))
        #expect(workspace.read("a.py") == "import os\n\ndef compute(value):\n    total = value * 2\n    return total\n")
    }

    @Test func strReplaceWithSeveralMatchesListsThem() async throws {
        workspace.write("a.txt", "x = 1\ny = 2\nx = 1\nz = 3\nx = 1\n")
        let result = try await run([
            "operation": "str_replace", "path": "a.txt", "old_text": "x = 1", "new_text": "x = 9",
        ])
        #expect(result.isError)
        #expect(result.content.contains("matches 3 times"))
        #expect(result.content.contains("at lines 1, 3, 5"))
        #expect(workspace.read("a.txt") == "x = 1\ny = 2\nx = 1\nz = 3\nx = 1\n")
        #expect(await recorder.changes.isEmpty)
    }

    @Test func insertAfterALineOrAfterAnchorText() async throws {
        workspace.write("a.txt", "one\ntwo\nthree\n")
        try await read("a.txt")
        _ = try await run(["operation": "insert", "path": "a.txt", "insert_line": 0, "content": "zero"])
        #expect(workspace.read("a.txt") == "zero\none\ntwo\nthree\n")
        _ = try await run(["operation": "insert", "path": "a.txt", "old_text": "two", "content": "two and a half\n"])
        #expect(workspace.read("a.txt") == "zero\none\ntwo\ntwo and a half\nthree\n")
        _ = try await run(["operation": "insert", "path": "a.txt", "insert_line": 5, "content": "end"])
        #expect(workspace.read("a.txt") == "zero\none\ntwo\ntwo and a half\nthree\nend\n")
        let outOfRange = try await run(["operation": "insert", "path": "a.txt", "insert_line": 99, "content": "x"])
        #expect(outOfRange.content.contains("out of range"))
        let noPosition = try await run(["operation": "insert", "path": "a.txt", "content": "x"])
        #expect(noPosition.content.contains("insert_line"))
    }

    @Test func appendOverwriteAndDelete() async throws {
        workspace.write("log.txt", "first")
        _ = try await run(["operation": "append", "path": "log.txt", "content": "second\n"])
        #expect(workspace.read("log.txt") == "first\nsecond\n")
        let overwritten = try await run(["operation": "overwrite", "path": "log.txt", "content": "only\n"])
        #expect(overwritten.content.contains("2 lines removed, 1 added"))
        #expect(workspace.read("log.txt") == "only\n")
        let deleted = try await run(["operation": "delete", "path": "log.txt"])
        #expect(deleted.content == "Deleted log.txt (1 lines removed).")
        #expect(workspace.read("log.txt") == nil)
        let missing = try await run(["operation": "delete", "path": "log.txt"])
        #expect(missing.content.contains("does not exist"))
        let kinds = await recorder.changes.map(\.kind)
        #expect(kinds == [.modify, .modify, .delete])
    }

    @Test func badArgumentsAreErrorsNotCrashes() async throws {
        #expect(
            try await run(["path": "a"]).content
                == "error: invalid arguments for `file_write`: missing required argument 'operation'")
        #expect(
            try await run(["operation": "explode", "path": "a"]).content
                == "error: invalid arguments for `file_write`: argument 'operation' is invalid: unknown value \"explode\"; use one of: create, overwrite, str_replace, insert, append, delete"
        )
        #expect(try await run(["operation": "create", "path": 3]).isError)
        #expect(try await run(["operation": "create", "path": "."]).isError)
        #expect(try await run("not an object").isError)
        workspace.mkdirs("dir")
        #expect(
            try await run(["operation": "overwrite", "path": "dir", "content": "x"]).content.contains("is a directory"))
        workspace.writeBytes("blob.bin", [0, 1, 2, 3])
        #expect(try await run(["operation": "append", "path": "blob.bin", "content": "x"]).content.contains("binary"))
    }

    @Test func aRefusingOrFailingEditorIsReported() async throws {
        workspace.write("a.txt", "hello\n")
        await recorder.setBehavior(.refuse("the buffer changed since you read it"))
        let refused = try await run([
            "operation": "str_replace", "path": "a.txt", "old_text": "hello", "new_text": "bye",
        ])
        #expect(
            refused.content == "error: the editor refused the change to a.txt: the buffer changed since you read it")
        await recorder.setBehavior(.fail(WorkspacePathError.failed("disk on fire")))
        let failed = try await run([
            "operation": "str_replace", "path": "a.txt", "old_text": "hello", "new_text": "bye",
        ])
        #expect(failed.content.contains("could not apply the change to a.txt: disk on fire"))
        #expect(workspace.read("a.txt") == "hello\n")
        #expect(await recorder.changes.count == 2)
    }

    /// Found by the fault soak: a cancel that comes while the editor applies the change (the client answers
    /// `applied: true` too late) was reported as a failure, so the model could make the edit again.
    @Test func aCancelWhileTheEditorAppliesSaysTheEditMayHaveBeenApplied() async throws {
        workspace.write("a.txt", "hello\n")
        await recorder.setBehavior(.fail(CancellationError()))
        let result = try await run(["operation": "append", "path": "a.txt", "content": "bye"])
        #expect(
            result.content
                == "error: the run was cancelled while the change to a.txt was being applied; it may have been applied: read the file again with file_read before changing it"
        )
    }

    @Test func editsTheLiveBufferWithItsVersion() async throws {
        workspace.write("main.swift", "let a = 1\n")
        let documents = StaticDocumentSource([
            workspace.path("main.swift"): OpenDocument(text: "let a = 2 // unsaved\n", version: 7)
        ])
        let editor = RecordingWorkspaceEditor()
        let live = FileWriteTool(root: workspace.root, editor: editor, documents: documents)
        let result = try await live.call(
            ["operation": "str_replace", "path": "main.swift", "old_text": "a = 2", "new_text": "b = 3"],
            context: workspace.context)
        #expect(!result.isError)
        let change = try #require(await editor.changes.first)
        #expect(change.originalText == "let a = 2 // unsaved\n")
        #expect(change.newText == "let b = 3 // unsaved\n")
        #expect(change.baseVersion == 7)
        #expect(workspace.read("main.swift") == "let a = 1\n")
    }
}
