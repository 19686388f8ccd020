import AgentCore
import CodingAgent
import Glibc
import SparkTestSupport
import Testing

/// Every attack path is refused with a reason by `file_read` and `file_write`, and leaves no trace.
@Suite struct PathAttackTests {
    static let attacks: [String] = [
        "../x",
        "../outside/secret.txt",
        "./../x",
        "a/../../x",
        "sub/../../outside/secret.txt",
        "/etc/passwd",
        "/",
        "/tmp/x",
        "link-to-root/etc/passwd",
        "link-to-outside/secret.txt",
        "link-to-outside/new.txt",
        "link-to-secret",
        "sub/inner-link/secret.txt",
        "dangling-link",
        "x\u{0}y",
        "x\u{0}/../../outside/secret.txt",
        String(repeating: "a/", count: 2100) + "x",
        String(repeating: "a", count: 300),
        "~/.ssh/id_rsa",
        "~root/x",
        "~",
        "%2e%2e/outside/secret.txt",
        "..%2foutside%2fsecret.txt",
        "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "sub/%2e%2e/%2e%2e/x",
    ]

    /// A workspace with links that lead out: to `/`, to the outside directory, to a file outside,
    /// one in a middle component and one dangling.
    static func makeWorkspace() throws -> TestWorkspace {
        let workspace = try TestWorkspace()
        workspace.write("sub/file.txt", "inside\n")
        workspace.link("link-to-root", to: "/")
        workspace.link("link-to-outside", to: workspace.outside)
        workspace.link("link-to-secret", to: workspace.outside + "/secret.txt")
        workspace.link("sub/inner-link", to: "../../outside")
        workspace.link("dangling-link", to: workspace.outside + "/created-through-link.txt")
        return workspace
    }

    @Test(arguments: attacks)
    func fileReadRefuses(_ attack: String) async throws {
        let workspace = try Self.makeWorkspace()
        let result = try await FileReadTool(root: workspace.root).call(
            ["path": .string(attack)], context: workspace.context)
        #expect(result.content.hasPrefix("refused: "), "\(attack.prefix(80)) -> \(result.content.prefix(200))")
        #expect(result.content.count > "refused: ".count + 10)
        #expect(!result.content.contains("top secret"))
    }

    @Test(arguments: attacks)
    func fileWriteRefusesAndLeavesNoTrace(_ attack: String) async throws {
        let workspace = try Self.makeWorkspace()
        let before = workspace.tree(workspace.base)
        let recorder = RecordingWorkspaceEditor(behavior: .forward(DiskWorkspaceEditor(root: workspace.root)))
        let tool = FileWriteTool(root: workspace.root, editor: recorder)
        for operation in ["create", "overwrite", "append", "delete"] {
            let result = try await tool.call(
                ["operation": .string(operation), "path": .string(attack), "content": "pwned\n"],
                context: workspace.context)
            #expect(
                result.content.hasPrefix("refused: "),
                "\(operation) \(attack.prefix(80)) -> \(result.content.prefix(200))")
        }
        #expect(await recorder.changes.isEmpty)
        #expect(workspace.tree(workspace.base) == before)
        #expect(workspace.readAbsolute(workspace.outside + "/secret.txt") == "top secret\n")
    }

    @Test(arguments: attacks)
    func globAndGrepRefusePaths(_ attack: String) async throws {
        let workspace = try Self.makeWorkspace()
        let grep = try await GrepTool(root: workspace.root).call(
            ["pattern": "secret", "path": .string(attack)], context: workspace.context)
        #expect(grep.content.hasPrefix("refused: "), "\(attack.prefix(80)) -> \(grep.content.prefix(200))")
        #expect(!grep.content.contains("top secret"))
    }

    @Test func linksInsideTheWorkspaceAreFollowed() async throws {
        let workspace = try Self.makeWorkspace()
        workspace.link("alias", to: "sub")
        let path = try workspace.root.resolve("alias/file.txt")
        #expect(path.components == ["sub", "file.txt"])
        #expect(try workspace.root.resolve(workspace.root.path + "/sub/./file.txt").relative == "sub/file.txt")
        #expect(try workspace.root.resolve("sub/../sub/new/deeper.txt").relative == "sub/new/deeper.txt")
        #expect(try workspace.root.resolve(".").isRoot)
    }

    @Test func aDirectoryReplacedByALinkAfterTheCheckIsNotFollowed() throws {
        let workspace = try Self.makeWorkspace()
        workspace.write("victim/file.txt", "old\n")
        let checked = try workspace.root.resolve("victim/file.txt")
        // An attacker swaps the directory for a link to the outside after the check.
        #expect(rename(workspace.path("victim"), workspace.path("moved")) == 0)
        workspace.link("victim", to: workspace.outside)
        #expect(throws: WorkspacePathError.self) {
            try SecureFileSystem.writeAtomically(
                root: workspace.root.path, components: checked.components, bytes: Array("pwned".utf8), exclusive: false)
        }
        #expect(throws: WorkspacePathError.self) {
            _ = try SecureFileSystem.readFile(root: workspace.root.path, components: ["victim", "secret.txt"])
        }
        #expect(!workspace.exists(workspace.outside + "/file.txt"))
        do {
            _ = try SecureFileSystem.readFile(root: workspace.root.path, components: ["victim", "secret.txt"])
        } catch {
            #expect(error.isRefusal)
        }
    }

    @Test func aFileReplacedByALinkAfterTheCheckIsReplacedNotWrittenThrough() throws {
        let workspace = try Self.makeWorkspace()
        let checked = try workspace.root.resolve("target.txt")
        workspace.link("target.txt", to: workspace.outside + "/secret.txt")
        try SecureFileSystem.writeAtomically(
            root: workspace.root.path, components: checked.components, bytes: Array("new\n".utf8), exclusive: false)
        #expect(workspace.readAbsolute(workspace.outside + "/secret.txt") == "top secret\n")
        #expect(workspace.read("target.txt") == "new\n")
        // A create (exclusive) over a planted link fails instead.
        workspace.link("second.txt", to: workspace.outside + "/second.txt")
        #expect(throws: WorkspacePathError.self) {
            try SecureFileSystem.writeAtomically(
                root: workspace.root.path, components: ["second.txt"], bytes: Array("x".utf8), exclusive: true)
        }
        #expect(!workspace.exists(workspace.outside + "/second.txt"))
    }

    @Test func theRootIsCreatedAndResolved() throws {
        let workspace = try TestWorkspace()
        let nested = try WorkspaceRoot(path: workspace.base + "/a/b/../c")
        #expect(nested.path == workspace.base + "/a/c")
        #expect(throws: WorkspacePathError.self) { try WorkspaceRoot(path: "/") }
        let fromEnvironment = try WorkspaceRoot.fromEnvironment(
            ["WORKSPACE_DIR": workspace.base + "/env"], workspaceFolder: "/nonexistent-ignored")
        #expect(fromEnvironment.path == workspace.base + "/env")
        let fromFolder = try WorkspaceRoot.fromEnvironment([:], workspaceFolder: workspace.base + "/folder")
        #expect(fromFolder.path == workspace.base + "/folder")
    }
}
