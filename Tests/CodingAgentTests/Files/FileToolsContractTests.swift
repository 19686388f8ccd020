import AgentCore
import CodingAgent
import SparkJSON
import SparkTestSupport
import Testing

/// The tools' names and parameters as the model sees them, and random calls that must neither
/// crash nor touch anything outside the workspace and memory roots.
@Suite struct FileToolsContractTests {
    static let expected: [String: Set<String>] = [
        "file_read": ["path", "max_lines", "start_line"],
        "file_write": ["operation", "path", "content", "old_text", "new_text", "insert_line"],
        "glob": ["pattern", "max_results"],
        "grep": ["pattern", "path", "file_pattern", "context_lines"],
        "memory": ["command", "path", "content", "old_text", "new_text", "insert_line", "new_path"],
    ]

    @Test func namesAndParameters() throws {
        let workspace = try TestWorkspace()
        let tools = CodingFileTools.make(
            root: workspace.root, editor: RecordingWorkspaceEditor(),
            memoryRoot: try WorkspaceRoot(path: workspace.base + "/memory"))
        #expect(Set(tools.map(\.name)) == Set(Self.expected.keys))
        for tool in tools {
            let properties = try #require(tool.parametersSchema["properties"]?.objectValue)
            #expect(Set(properties.keys) == Self.expected[tool.name], "\(tool.name)")
            for (key, schema) in properties {
                #expect(schema["description"]?.stringValue?.isEmpty == false, "\(tool.name).\(key)")
            }
            #expect(tool.definition.name == tool.name)
            #expect(!tool.description.isEmpty)
        }
    }

    @Test func randomCallsNeverCrashOrEscape() async throws {
        let workspace = try TestWorkspace()
        workspace.write("src/a.py", "import os\nprint('hi')\n")
        workspace.write("notes.md", "# notes\n")
        workspace.link("out", to: workspace.outside)
        let memory = try WorkspaceRoot(path: workspace.base + "/memory")
        let tools = CodingFileTools.make(
            root: workspace.root, editor: DiskWorkspaceEditor(root: workspace.root), memoryRoot: memory)
        let outsideBefore = workspace.tree(workspace.outside)
        var random = SplitMix64(seed: 42)
        let strings: [JSONValue] = [
            "", ".", "..", "../x", "/etc/passwd", "src", "src/a.py", "notes.md", "new.txt", "out/secret.txt", "**/*",
            "*.py", "(", "[", "a|b", "print", "~/x", "%2e%2e/x", "x\u{0}", "src/../notes.md", "\n", "🙂.txt",
            .string(String(repeating: "z", count: 5000)),
        ]
        let values: [JSONValue] =
            strings + [0, -1, 1, 3, 1_000_000_000, .int(Int.max), .int(Int.min), 2.5, true, nil, [], ["a": 1]]
        // Sorted: a Set's order changes from process to process, and with it which random value each key gets.
        let keys = Set(Self.expected.values.flatMap { $0 }).sorted()
        let operations: [JSONValue] = [
            "create", "overwrite", "str_replace", "insert", "append", "delete", "view", "rename", "bogus",
        ]
        var outcomes: [String: Int] = [:]
        for _ in 0..<1500 {
            let tool = tools[random.next(below: tools.count)]
            var arguments: [String: JSONValue] = [:]
            for key in keys where random.next(below: 3) == 0 {
                arguments[key] =
                    key == "operation" || key == "command"
                    ? operations[random.next(below: operations.count)] : values[random.next(below: values.count)]
            }
            let result = try await tool.call(.object(arguments), context: workspace.context)
            #expect(!result.content.isEmpty)
            let kind = result.content.hasPrefix("refused:") ? "refused" : result.isError ? "error" : "ok"
            outcomes[kind, default: 0] += 1
            #expect(!result.content.contains("top secret"), "\(tool.name) \(arguments)")
        }
        #expect(outcomes["ok", default: 0] > 30, "\(outcomes)")
        #expect(outcomes["refused", default: 0] > 30, "\(outcomes)")
        #expect(workspace.tree(workspace.outside) == outsideBefore)
        #expect(workspace.readAbsolute(workspace.outside + "/secret.txt") == "top secret\n")
    }
}
