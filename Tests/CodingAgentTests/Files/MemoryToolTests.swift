import AgentCore
import CodingAgent
import Glibc
import SparkJSON
import Testing

@Suite struct MemoryToolTests {
    let workspace: TestWorkspace
    let memoryRoot: WorkspaceRoot

    init() throws {
        workspace = try TestWorkspace()
        memoryRoot = try MemoryTool.root(inDataDirectory: workspace.base + "/data")
    }

    func run(_ tool: MemoryTool, _ arguments: JSONValue) async throws -> String {
        try await tool.call(arguments, context: workspace.context).content
    }

    @Test func notesSurviveANewToolAndAReopenedRoot() async throws {
        let first = MemoryTool(root: memoryRoot)
        #expect(try await run(first, ["command": "view"]) == "The memory directory . is empty.")
        #expect(
            try await run(
                first,
                ["command": "create", "path": "/memories/project/notes.md", "content": "# Notes\n- uses SQLite\n"])
                == "Created project/notes.md.")
        let reopened = MemoryTool(root: try MemoryTool.root(inDataDirectory: workspace.base + "/data"))
        #expect(
            try await run(reopened, ["command": "view", "path": "project/notes.md"])
                == "project/notes.md:\n     1\t# Notes\n     2\t- uses SQLite\n")
        #expect(try await run(reopened, ["command": "view"]) == "Memory .:\nproject/\nproject/notes.md\n")
    }

    @Test func editsRenamesAndDeletes() async throws {
        let tool = MemoryTool(root: memoryRoot)
        _ = try await run(tool, ["command": "create", "path": "a.md", "content": "one\ntwo\n"])
        #expect(
            try await run(tool, ["command": "str_replace", "path": "a.md", "old_text": "two", "new_text": "2"])
                == "Edited a.md.")
        #expect(
            try await run(tool, ["command": "str_replace", "path": "a.md", "old_text": "zzz", "new_text": "2"])
                .contains("was not found"))
        #expect(
            try await run(tool, ["command": "insert", "path": "a.md", "insert_line": 1, "content": "one and a half"])
                == "Inserted into a.md after line 1.")
        #expect(workspace.readAbsolute(memoryRoot.path + "/a.md") == "one\none and a half\n2\n")
        #expect(try await run(tool, ["command": "create", "path": "a.md", "content": "fresh\n"]) == "Overwrote a.md.")
        #expect(
            try await run(tool, ["command": "rename", "path": "a.md", "new_path": "archive/a.md"])
                == "Renamed a.md to archive/a.md.")
        _ = try await run(tool, ["command": "create", "path": "b.md", "content": "b"])
        #expect(
            try await run(tool, ["command": "rename", "path": "b.md", "new_path": "archive/a.md"]).contains(
                "already exists"))
        #expect(try await run(tool, ["command": "delete", "path": "archive"]) == "Deleted archive.")
        #expect(workspace.tree(memoryRoot.path) == [memoryRoot.path + "/b.md"])
        #expect(
            try await run(tool, ["command": "fly"])
                == "error: invalid arguments for `memory`: argument 'command' is invalid: unknown value \"fly\"; use one of: view, create, str_replace, insert, delete, rename"
        )
        #expect(try await run(tool, ["command": "VIEW"]).hasPrefix("Memory"))
        #expect(try await run(tool, ["command": "view", "path": "missing.md"]).hasPrefix("error:"))
    }

    /// Found by the real-vLLM suite: `insert` without `path` answered "the workspace root is a directory".
    @Test func missingOrRootPathsSayWhatIsWrong() async throws {
        let tool = MemoryTool(root: memoryRoot)
        for command in ["create", "str_replace", "insert", "delete", "rename"] {
            #expect(
                try await run(tool, ["command": .string(command)]).hasPrefix(
                    "error: invalid arguments for `memory`: \(command) needs `path`"))
        }
        for command in ["str_replace", "insert"] {
            let answer = try await run(
                tool,
                ["command": .string(command), "path": "/memories", "old_text": "a", "insert_line": 0, "content": "x"])
            #expect(answer == "error: invalid arguments for `memory`: `path` must name a file", "\(command)")
        }
        #expect(
            try await run(tool, ["command": "delete", "path": "/memories"])
                == "refused: the memory root itself cannot be deleted")
        #expect(try await run(tool, ["command": "view"]) == "The memory directory . is empty.")
    }

    @Test func staysInsideTheMemoryRoot() async throws {
        let tool = MemoryTool(root: memoryRoot)
        symlink(workspace.outside, memoryRoot.path + "/escape")
        for arguments: JSONValue in [
            ["command": "view", "path": "../"],
            ["command": "view", "path": "escape/secret.txt"],
            ["command": "create", "path": "../../outside/x.md", "content": "x"],
            ["command": "create", "path": "/etc/cron.d/x", "content": "x"],
            ["command": "rename", "path": "escape", "new_path": "../moved"],
            ["command": "delete", "path": "."],
            ["command": "delete", "path": "/memories"],
        ] {
            #expect(try await run(tool, arguments).hasPrefix("refused: "), "\(arguments)")
        }
        #expect(workspace.readAbsolute(workspace.outside + "/secret.txt") == "top secret\n")
        #expect(!workspace.exists(workspace.outside + "/x.md"))
        // Deleting the link removes the link, not what it points to.
        #expect(try await run(tool, ["command": "delete", "path": "escape"]).hasPrefix("refused: "))
        #expect(workspace.exists(workspace.outside + "/secret.txt"))
    }
}
