import CodingAgent
import Glibc
import Testing

/// The kept workspace root must be the one `WorkspaceRoot(path:)` would open: the same path gives the same root,
/// another path its own, and a removed workspace is created again.
@Suite struct WorkspaceRootCacheTests {
    @Test func theSamePathGivesTheRootItWouldOpen() throws {
        let workspace = try TestWorkspace()
        let cache = WorkspaceRootCache()
        let path = workspace.base + "/ws/../ws"
        let first = try cache.root(path: path)
        #expect(first == (try WorkspaceRoot(path: path)))
        #expect((try cache.root(path: path)) == first)
    }

    @Test func anotherPathGetsItsOwnRoot() throws {
        let workspace = try TestWorkspace()
        let cache = WorkspaceRootCache()
        let first = try cache.root(path: workspace.base + "/ws")
        let other = try cache.root(path: workspace.base + "/other/ws")
        #expect(other.path == workspace.base + "/other/ws")
        #expect(other != first)
        #expect((try cache.root(path: workspace.base + "/ws")) == first)
    }

    @Test func aRemovedWorkspaceIsCreatedAgain() throws {
        let workspace = try TestWorkspace()
        let cache = WorkspaceRootCache()
        let path = workspace.base + "/fresh/ws"
        let root = try cache.root(path: path)
        #expect(rmdir(root.path) == 0)
        #expect((try cache.root(path: path)) == root)
        var info = stat()
        #expect(stat(root.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR)
    }

    @Test func aPathThatCannotBeAWorkspaceStillThrows() throws {
        let workspace = try TestWorkspace()
        let cache = WorkspaceRootCache()
        workspace.write("file.txt", "not a directory\n")
        #expect(throws: WorkspacePathError.self) { try cache.root(path: workspace.path("file.txt")) }
        #expect(throws: WorkspacePathError.self) { try cache.root(path: workspace.path("file.txt")) }
    }
}
