import AgentCore
import CodingAgent
import Logging
import SparkJSON
import SparkTestSupport
import Testing

/// The schemas the model sees, generated from each tool's arguments type.
@Suite struct CodingToolSchemaTests {
    /// Every tool's properties and required properties.
    static let expected: [String: (properties: Set<String>, required: [String])] = [
        "file_read": (["path", "max_lines", "start_line"], []),
        "file_write": (
            ["operation", "path", "content", "old_text", "new_text", "insert_line"], ["operation", "path"]
        ),
        "glob": (["pattern", "max_results"], ["pattern"]),
        "grep": (["pattern", "path", "file_pattern", "context_lines"], ["pattern"]),
        "memory": (["command", "path", "content", "old_text", "new_text", "insert_line", "new_path"], ["command"]),
        "execute_code": (["code", "language", "timeout"], ["code", "language"]),
        "python_repl": (["code", "reset", "timeout"], []),
        "bash": (["command", "timeout"], ["command"]),
        "analyze_code": (["code", "language"], ["code", "language"]),
        "search_code_patterns": (["query", "language"], ["query"]),
        "generate_tests": (["code", "language", "framework"], ["code", "language"]),
        "explain_code": (["code", "language"], ["code", "language"]),
        "suggest_improvements": (["code", "language", "focus"], ["code", "language"]),
    ]

    static func withTools(_ body: ([any AgentTool]) throws -> Void) async throws {
        let workspace = try TestWorkspace()
        let toolkit = try CodingToolkit(
            workspace: workspace.root.path, dataDirectory: DataDirectory(path: workspace.base + "/data"),
            enableCodeExecution: true, environment: [:], logger: .silent)
        let tools = toolkit.tools(editor: RecordingWorkspaceEditor(), documents: nil, approval: AllowAllPolicy())
        try body(tools)
        await toolkit.execution.shutdown()
    }

    @Test func everyToolHasAClosedObjectSchemaWithEveryPropertyDescribed() async throws {
        try await Self.withTools { tools in
            #expect(tools.count == 13)
            #expect(Set(tools.map(\.name)) == Set(Self.expected.keys))
            for tool in tools {
                let schema = tool.parametersSchema
                let expected = try #require(Self.expected[tool.name])
                #expect(schema["type"] == "object", "\(tool.name)")
                #expect(schema["additionalProperties"] == false, "\(tool.name)")
                let properties = try #require(schema["properties"]?.objectValue, "\(tool.name)")
                #expect(Set(properties.keys) == expected.properties, "\(tool.name)")
                #expect(
                    schema["required"]
                        == (expected.required.isEmpty ? nil : .array(expected.required.map { .string($0) })),
                    "\(tool.name)")
                for (key, property) in properties {
                    #expect(
                        (property["description"]?.stringValue?.count ?? 0) > 10,
                        "\(tool.name).\(key) needs a description")
                    #expect(property["type"]?.stringValue != nil, "\(tool.name).\(key) needs a type")
                }
            }
        }
    }

    /// `file_write` and `grep` as they were written by hand before the schemas were generated.
    @Test func generatedSchemasMatchTheFormerHandWrittenOnes() async throws {
        try await Self.withTools { tools in
            let fileWrite = try #require(tools.first { $0.name == "file_write" })
            #expect(
                fileWrite.parametersSchema == [
                    "type": "object",
                    "properties": [
                        "operation": [
                            "type": "string",
                            "enum": ["create", "overwrite", "str_replace", "insert", "append", "delete"],
                            "description": "What to do.",
                        ],
                        "path": ["type": "string", "description": "The file, relative to the workspace root."],
                        "content": [
                            "type": "string", "description": "The text for create, overwrite, insert and append.",
                        ],
                        "old_text": [
                            "type": "string",
                            "description":
                                "str_replace: the exact text to replace. insert: the text after whose last line to insert.",
                        ],
                        "new_text": [
                            "type": "string", "description": "str_replace: the replacement (empty to delete old_text).",
                        ],
                        "insert_line": [
                            "type": "integer", "minimum": 0,
                            "description": "insert: the line after which to insert (0 = top of the file).",
                        ],
                    ],
                    "required": ["operation", "path"],
                    "additionalProperties": false,
                ])
            let grep = try #require(tools.first { $0.name == "grep" })
            #expect(
                grep.parametersSchema == [
                    "type": "object",
                    "properties": [
                        "pattern": [
                            "type": "string",
                            "description": "Regular expression searched for in each line (a plain string works too).",
                        ],
                        "path": [
                            "type": "string",
                            "description":
                                "Directory or file to search, relative to the workspace root (default: the root).",
                        ],
                        "file_pattern": [
                            "type": "string",
                            "description":
                                "Only search files whose name matches this glob (`*.swift`, `*.{c,h}`), or whose relative path does when it holds a `/`.",
                        ],
                        "context_lines": [
                            "type": "integer", "minimum": 0, "maximum": 10,
                            "description": "Lines of context to show before and after each match (default 0).",
                        ],
                    ],
                    "required": ["pattern"],
                    "additionalProperties": false,
                ])
        }
    }

    @Test func boundsEnumsAndConfiguredDefaultsReachTheModel() async throws {
        try await Self.withTools { tools in
            func property(_ tool: String, _ key: String) -> JSONValue? {
                tools.first { $0.name == tool }?.parametersSchema["properties"]?[key]
            }
            #expect(property("file_read", "max_lines")?["minimum"] == 1)
            #expect(property("file_read", "max_lines")?["maximum"] == .int(FileReadTool.largestLines))
            #expect(property("glob", "max_results")?["maximum"] == .int(GlobTool.largestResults))
            #expect(
                property("memory", "command")?["enum"] == [
                    "view", "create", "str_replace", "insert", "delete", "rename",
                ])
            #expect(
                property("suggest_improvements", "focus")?["enum"]?.arrayValue?.count == ImprovementFocus.allCases.count
            )
            #expect(property("generate_tests", "framework")?["enum"]?.arrayValue?.count == TestFramework.allCases.count)
            #expect(
                property("search_code_patterns", "language")?["enum"]?.arrayValue?.count
                    == SourceLanguage.allCases.count)
            #expect(property("python_repl", "reset")?["type"] == "boolean")
            #expect(property("bash", "timeout")?["type"] == "number")
            #expect(property("bash", "timeout")?["description"]?.stringValue?.contains("(default ") == true)
        }
    }
}
