import AgentCore
import CodingAgent
import Glibc
import Testing

@Suite struct DiskWorkspaceEditorTests {
    @Test func refusesAChangeBasedOnStaleText() async throws {
        let workspace = try TestWorkspace()
        workspace.write("a.txt", "changed by someone else\n")
        let editor = DiskWorkspaceEditor(root: workspace.root)
        let outcome = try await editor.apply(
            FileChange(
                kind: .modify, path: workspace.path("a.txt"), originalText: "what the agent read\n", newText: "new\n",
                baseVersion: nil, seen: SeenFile(text: "what the agent read\n", version: nil, source: .read)))
        #expect(!outcome.applied)
        #expect(outcome.message?.contains("changed on disk") == true)
        #expect(workspace.read("a.txt") == "changed by someone else\n")
        let deletion = try await editor.apply(
            FileChange(
                kind: .delete, path: workspace.path("a.txt"), originalText: "stale\n", newText: "", baseVersion: nil,
                seen: SeenFile(text: "stale\n", version: nil, source: .read)))
        #expect(!deletion.applied)
        #expect(workspace.read("a.txt") != nil)
    }

    @Test func createNeverReplacesAndModifyKeepsPermissions() async throws {
        let workspace = try TestWorkspace()
        workspace.write("run.sh", "#!/bin/sh\n")
        _ = chmod(workspace.path("run.sh"), 0o755)
        let editor = DiskWorkspaceEditor(root: workspace.root)
        let create = try await editor.apply(
            FileChange(kind: .create, path: workspace.path("run.sh"), originalText: nil, newText: "x", baseVersion: nil)
        )
        #expect(!create.applied)
        #expect(create.message?.contains("already exists") == true)
        let modify = try await editor.apply(
            FileChange(
                kind: .modify, path: workspace.path("run.sh"), originalText: "#!/bin/sh\n",
                newText: "#!/bin/sh\necho hi\n", baseVersion: nil,
                seen: SeenFile(text: "#!/bin/sh\n", version: nil, source: .read)))
        #expect(modify.applied)
        var info = stat()
        #expect(stat(workspace.path("run.sh"), &info) == 0)
        #expect(info.st_mode & 0o777 == 0o755)
        #expect(workspace.tree(workspace.root.path) == [workspace.path("run.sh")])
    }

    @Test func refusesPathsOutsideTheRoot() async throws {
        let workspace = try TestWorkspace()
        let editor = DiskWorkspaceEditor(root: workspace.root)
        for path in [workspace.outside + "/x.txt", workspace.root.path + "/../outside/x.txt", "relative.txt"] {
            let outcome = try await editor.apply(
                FileChange(kind: .create, path: path, originalText: nil, newText: "x", baseVersion: nil))
            #expect(!outcome.applied)
        }
        #expect(!workspace.exists(workspace.outside + "/x.txt"))
    }
}
