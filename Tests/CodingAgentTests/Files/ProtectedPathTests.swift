import AgentCore
import CodingAgent
import Glibc
import SparkJSON
import SparkTestSupport
import Testing

/// The file tools never write a protected path, whatever the operation or the spelling of the path, and
/// leave the protected file as it was on disk.
@Suite struct ProtectedPathTests {
    let workspace: TestWorkspace
    let recorder: RecordingWorkspaceEditor
    let tool: FileWriteTool

    init() throws {
        workspace = try TestWorkspace()
        recorder = RecordingWorkspaceEditor(behavior: .forward(DiskWorkspaceEditor(root: workspace.root)))
        tool = FileWriteTool(root: workspace.root, editor: recorder)
    }

    /// One call of every operation: `create` of `creating`, the others on the existing `path`.
    static func everyOperation(on path: String, creating: String) -> [JSONValue] {
        [
            ["operation": "create", "path": .string(creating), "content": "planted\n"],
            ["operation": "overwrite", "path": .string(path), "content": "planted\n"],
            ["operation": "str_replace", "path": .string(path), "old_text": "original", "new_text": "planted"],
            ["operation": "insert", "path": .string(path), "insert_line": 0, "content": "planted"],
            ["operation": "append", "path": .string(path), "content": "planted"],
            ["operation": "delete", "path": .string(path)],
        ]
    }

    /// Runs `calls`, expecting each refused as protected, then checks nothing below the root changed.
    func expectRefused(_ calls: [JSONValue], naming shown: (JSONValue) -> String) async throws {
        let before = workspace.tree(workspace.root.path).map { ($0, workspace.readAbsolute($0)) }
        for call in calls {
            let result = try await tool.call(call, context: workspace.context)
            #expect(result.isError)
            #expect(result.content.hasPrefix("refused: \(shown(call)) "), "\(call): \(result.content)")
            #expect(result.content.contains("protected path"), "\(call): \(result.content)")
        }
        let after = workspace.tree(workspace.root.path).map { ($0, workspace.readAbsolute($0)) }
        #expect(after.map(\.0) == before.map(\.0))
        #expect(after.map(\.1) == before.map(\.1))
        #expect(await recorder.changes.isEmpty, "no change reached the editor")
    }

    @Test func everyOperationBelowEveryDefaultPatternIsRefused() async throws {
        for pattern in ProtectedPaths.defaults where pattern != ".git/config" {
            workspace.write(pattern + "/victim.txt", "original\n")
        }
        workspace.write(".git/config", "original\n")
        let calls = ProtectedPaths.defaults.flatMap { pattern in
            Self.everyOperation(
                on: pattern == ".git/config" ? pattern : pattern + "/victim.txt", creating: pattern + "/new.txt")
        }
        try await expectRefused(calls) { $0["path"]?.stringValue ?? "" }
        #expect(workspace.read(".spark/victim.txt") == "original\n")
        #expect(workspace.read(".git/config") == "original\n")
    }

    @Test func everyDefaultPatternAsAFileIsRefused() async throws {
        for pattern in ProtectedPaths.defaults { workspace.write(pattern, "original\n") }
        try await expectRefused(ProtectedPaths.defaults.flatMap { Self.everyOperation(on: $0, creating: $0) }) {
            $0["path"]?.stringValue ?? ""
        }
        for pattern in ProtectedPaths.defaults { #expect(workspace.read(pattern) == "original\n") }
    }

    @Test func aFileThatWouldReplaceAProtectedDirectoryIsRefused() async throws {
        // `.git` as a file (a worktree's `gitdir:` pointer) decides where git's config and hooks are.
        workspace.write(".git", "gitdir: /elsewhere\n")
        try await expectRefused(
            [
                ["operation": "overwrite", "path": ".git", "content": "gitdir: /tmp/evil\n"],
                ["operation": "delete", "path": ".git"],
                ["operation": "create", "path": ".github", "content": "x"],
            ], naming: { $0["path"]?.stringValue ?? "" })
        #expect(workspace.read(".git") == "gitdir: /elsewhere\n")
    }

    @Test func symbolicLinksAndDotDotReachingAProtectedPathAreRefused() async throws {
        workspace.write(".spark/config.json", "{\"apiKey\": \"original\"}\n")
        workspace.write(".git/config", "original\n")
        workspace.mkdirs("src")
        workspace.link("settings", to: ".spark")
        workspace.link("notes.txt", to: ".git/config")
        workspace.link("src/up", to: "..")
        workspace.link("hooks", to: workspace.path(".git/hooks"))
        let absolute = workspace.root.path + "/src/../.vscode/tasks.json"
        let calls: [(JSONValue, String)] = [
            (["operation": "overwrite", "path": "settings/config.json", "content": "{}"], ".spark/config.json"),
            (["operation": "create", "path": "settings/mcp.json", "content": "{}"], ".spark/mcp.json"),
            (["operation": "append", "path": "notes.txt", "content": "[core]\n"], ".git/config"),
            (["operation": "delete", "path": "notes.txt"], ".git/config"),
            (["operation": "overwrite", "path": "src/up/.git/config", "content": "x"], ".git/config"),
            (
                ["operation": "create", "path": "src/../.git/hooks/pre-commit", "content": "#!/bin/sh"],
                ".git/hooks/pre-commit"
            ),
            (["operation": "create", "path": "./src/./../.envrc", "content": "x"], ".envrc"),
            (["operation": "create", "path": .string(absolute), "content": "{}"], ".vscode/tasks.json"),
        ]
        let shown = Dictionary(uniqueKeysWithValues: calls.map { ($0.0, $0.1) })
        try await expectRefused(calls.map(\.0)) { shown[$0] ?? "" }
        #expect(workspace.read(".spark/config.json") == "{\"apiKey\": \"original\"}\n")
        #expect(workspace.read(".git/config") == "original\n")
        #expect(!workspace.exists(workspace.path(".git/hooks/pre-commit")))
    }

    /// On Linux names are case-sensitive: `.SPARK` is another directory than `.spark`, so writing it is
    /// allowed and leaves `.spark` alone. (On Darwin, whose file systems usually ignore case, the
    /// comparison ignores case too.)
    @Test func caseVariantsAreOtherFilesOnLinux() async throws {
        workspace.write(".spark/config.json", "original\n")
        let result = try await tool.call(
            ["operation": "create", "path": ".SPARK/config.json", "content": "other\n"], context: workspace.context)
        #expect(!result.isError, "\(result.content)")
        #expect(workspace.read(".SPARK/config.json") == "other\n")
        #expect(workspace.read(".spark/config.json") == "original\n")
        #expect(ProtectedPaths().writeRefusal(for: [".Git", "hooks", "x"]) == nil)
        #expect(ProtectedPaths().writeRefusal(for: [".git", "hooks", "x"]) != nil)
    }

    @Test func theConfiguredListAddsPatternsAndNeverRemovesDefaults() async throws {
        let protected = ProtectedPaths(additional: ["secrets/", "./deploy/keys", "..", "", "/"])
        #expect(protected.writeRefusal(for: ["secrets", "a.txt"])?.contains("`protectedPaths` setting") == true)
        #expect(protected.writeRefusal(for: ["deploy", "keys"]) != nil)
        #expect(protected.writeRefusal(for: ["deploy", "other"]) == nil)
        for pattern in ProtectedPaths.defaults {
            #expect(protected.writeRefusal(for: pattern.split(separator: "/").map(String.init)) != nil)
        }
        #expect(protected.writeRefusal(for: ["src", "main.swift"]) == nil)
        let configured = FileWriteTool(root: workspace.root, editor: recorder, protected: protected)
        let result = try await configured.call(
            ["operation": "create", "path": "secrets/token", "content": "x"], context: workspace.context)
        #expect(result.content.hasPrefix("refused: secrets/token is a protected path"))
        #expect(!workspace.exists(workspace.path("secrets/token")))
    }

    @Test func theDiskEditorRefusesProtectedPathsOnItsOwn() async throws {
        workspace.write(".git/hooks/pre-commit", "original\n")
        workspace.link("h", to: ".git/hooks")
        let editor = DiskWorkspaceEditor(root: workspace.root)
        let changes = [
            FileChange(
                kind: .create, path: workspace.path(".git/hooks/post-checkout"), originalText: nil, newText: "x",
                baseVersion: nil),
            FileChange(
                kind: .modify, path: workspace.path("h/pre-commit"), originalText: "original\n", newText: "evil\n",
                baseVersion: nil),
            FileChange(
                kind: .delete, path: workspace.path(".git/hooks/pre-commit"), originalText: nil, newText: "",
                baseVersion: nil),
        ]
        for change in changes {
            let outcome = try await editor.apply(change)
            #expect(!outcome.applied)
            #expect(outcome.message?.contains("protected path") == true, "\(outcome.message ?? "")")
        }
        #expect(workspace.read(".git/hooks/pre-commit") == "original\n")
        #expect(!workspace.exists(workspace.path(".git/hooks/post-checkout")))
    }

    @Test func readsOfSparkSecretsAreRefusedAndGrepSkipsThem() async throws {
        workspace.write(".spark/config.json", "{\"apiKey\": \"sk-secret\"}\n")
        workspace.write(".spark/sessions.sqlite-wal", "sk-secret conversation\n")
        workspace.write(".vscode/settings.json", "{}\n")
        workspace.link("cfg", to: ".spark/config.json")
        let reader = FileReadTool(root: workspace.root)
        for path in [".spark/config.json", ".spark/sessions.sqlite-wal", "cfg", "src/../.spark/config.json"] {
            let result = try await reader.call(["path": .string(path)], context: workspace.context)
            #expect(result.content.hasPrefix("refused: .spark/"), "\(path): \(result.content)")
            #expect(!result.content.contains("sk-secret"))
        }
        let allowed = try await reader.call(["path": ".vscode/settings.json"], context: workspace.context)
        #expect(!allowed.isError)
        let grep = GrepTool(root: workspace.root)
        let everywhere = try await grep.call(["pattern": "sk-secret"], context: workspace.context)
        #expect(!everywhere.content.contains("sk-secret conversation"))
        #expect(!everywhere.content.contains("apiKey"))
        let direct = try await grep.call(
            ["pattern": "apiKey", "path": ".spark/config.json"], context: workspace.context)
        #expect(direct.content.hasPrefix("refused: .spark/config.json"))
    }

    @Test func theMemoryToolWritesItsNotesButNeverThroughALinkedRoot() async throws {
        let data = workspace.path(".spark")
        let memory = MemoryTool(root: try MemoryTool.root(inDataDirectory: data))
        let created = try await memory.call(
            ["command": "create", "path": "/memories/notes.md", "content": "remember\n"], context: workspace.context)
        #expect(!created.isError, "\(created.content)")
        #expect(workspace.read(".spark/memory/notes.md") == "remember\n")

        let other = workspace.base + "/data"
        mkdir(other, 0o755)
        symlink(workspace.outside, other + "/memory")
        #expect(throws: WorkspacePathError.self) { try MemoryTool.root(inDataDirectory: other) }
        let linkedData = workspace.base + "/linked"
        mkdir(linkedData, 0o755)
        symlink(workspace.path(".spark/memory"), linkedData + "/memory")
        #expect(throws: WorkspacePathError.self) { try MemoryTool.root(inDataDirectory: linkedData) }
        #expect(workspace.tree(workspace.outside) == [workspace.outside + "/secret.txt"])
    }
}
