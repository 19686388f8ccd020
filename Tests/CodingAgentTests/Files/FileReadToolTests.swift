import AgentCore
import CodingAgent
import SparkJSON
import SparkTestSupport
import Testing

@Suite struct FileReadToolTests {
    let workspace: TestWorkspace
    let tool: FileReadTool

    init() throws {
        workspace = try TestWorkspace()
        tool = FileReadTool(root: workspace.root)
    }

    func run(_ arguments: JSONValue, with tool: FileReadTool? = nil) async throws -> ToolResult {
        try await (tool ?? self.tool).call(arguments, context: workspace.context)
    }

    @Test func numbersLinesAndPages() async throws {
        workspace.write("a.txt", (1...30).map { "line \($0)" }.joined(separator: "\n") + "\n")
        let page = try await run(["path": "a.txt", "start_line": 11, "max_lines": 5])
        #expect(page.content.hasPrefix("a.txt, lines 11-15 of 30:\n    11\tline 11\n"))
        #expect(page.content.contains("    15\tline 15\n"))
        #expect(!page.content.contains("line 16"))
        #expect(page.content.contains("[15 more lines; continue with start_line=16]"))
        let whole = try await run(["path": "./a.txt"])
        #expect(whole.content.contains("    30\tline 30\n"))
        #expect(!whole.content.contains("more lines"))
        let past = try await run(["path": "a.txt", "start_line": 31])
        #expect(past.content == "error: start_line 31 is past the end of a.txt, which has 30 lines")
    }

    @Test func readsTheLiveBufferWhenOpen() async throws {
        workspace.write("main.swift", "on disk\n")
        let documents = StaticDocumentSource([
            workspace.path("main.swift"): OpenDocument(text: "in the editor\n", version: 12)
        ])
        let result = try await run(
            ["path": "main.swift"], with: FileReadTool(root: workspace.root, documents: documents))
        #expect(
            result.content == "main.swift (live editor buffer, version 12), lines 1-1 of 1:\n     1\tin the editor\n")
        #expect(result.value?["version"] == 12)
        documents.remove(atPath: workspace.path("main.swift"))
        let disk = try await run(["path": "main.swift"], with: FileReadTool(root: workspace.root, documents: documents))
        #expect(disk.content.contains("on disk"))
    }

    @Test func listsDirectories() async throws {
        workspace.write("src/a.py", "x\n")
        workspace.write("README.md", "hi\n")
        workspace.link("link", to: "README.md")
        let result = try await run(["path": "."])
        #expect(result.content == "./ (3 entries):\nREADME.md  (3 bytes)\nlink@ (symbolic link)\nsrc/\n")
        let sub = try await run(["path": "src"])
        #expect(sub.content.contains("a.py  (2 bytes)"))
    }

    @Test func describesBinaryHugeEmptyAndMissingFiles() async throws {
        workspace.writeBytes("image.png", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 13])
        #expect(
            try await run(["path": "image.png"]).content == "image.png is a binary file (8 bytes); it is not shown.")
        workspace.writeBytes("latin1.txt", [0x63, 0x61, 0x66, 0xE9])
        #expect(try await run(["path": "latin1.txt"]).content.contains("binary"))
        workspace.write("empty.txt", "")
        #expect(try await run(["path": "empty.txt"]).content == "empty.txt: empty file")
        #expect(try await run(["path": "nope.txt"]).content == "error: nope.txt does not exist")
        let line = String(repeating: "x", count: 1023) + "\n"
        workspace.write("huge.log", String(repeating: line, count: 5 * 1024))
        let huge = try await run(["path": "huge.log", "max_lines": 1])
        #expect(huge.content.contains("only its first 4194304 bytes were read"))
        #expect(huge.content.contains("of 4096"))
        let long = String(repeating: "y", count: 5000)
        workspace.write("long.txt", long + "\n")
        #expect(try await run(["path": "long.txt"]).content.contains("[line cut at 2000 characters]"))
    }

    @Test func badArgumentsAreErrors() async throws {
        workspace.write("a.txt", "x\n")
        #expect(
            try await run(["path": "a.txt", "max_lines": "many"]).content
                == "error: invalid arguments for `file_read`: argument 'max_lines' must be an integer, got \"many\"")
        #expect(try await run(["path": ["a"]]).isError)
        #expect(try await run(["path": "a.txt", "max_lines": "3"]).content.contains("lines 1-1 of 1"))
    }
}
