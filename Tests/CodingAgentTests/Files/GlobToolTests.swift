import AgentCore
import CodingAgent
import SparkJSON
import Testing

@Suite struct GlobToolTests {
    let workspace: TestWorkspace
    let tool: GlobTool

    init() throws {
        workspace = try TestWorkspace()
        tool = GlobTool(root: workspace.root)
        for path in [
            "Package.swift", "README.md", "Sources/App/main.swift", "Sources/App/Util/strings.swift",
            "Sources/Lib/lib.swift", "Tests/AppTests/test.swift", "docs/guide.md", "build/out.swift",
            ".build/debug/x.swift", "node_modules/pkg/index.js", ".git/config", "notes/keep.swift", "notes/skip.swift",
        ] {
            workspace.write(path, "// \(path)\n")
        }
        workspace.write(".gitignore", "build/\n*.log\nnotes/*\n!notes/keep.swift\n")
        workspace.write("debug.log", "x\n")
        workspace.link("outside-link", to: workspace.outside)
    }

    func glob(_ pattern: String, max: Int? = nil) async throws -> String {
        var arguments: [String: JSONValue] = ["pattern": .string(pattern)]
        if let max { arguments["max_results"] = .int(max) }
        return try await tool.call(.object(arguments), context: workspace.context).content
    }

    @Test func doubleStarMatchesAtAnyDepthSortedAndIgnoring() async throws {
        #expect(
            try await glob("**/*.swift") == """
                Package.swift
                Sources/App/Util/strings.swift
                Sources/App/main.swift
                Sources/Lib/lib.swift
                Tests/AppTests/test.swift
                notes/keep.swift

                """)
    }

    @Test func anchoredPatternsBracesAndClasses() async throws {
        #expect(try await glob("Sources/*/*.swift") == "Sources/App/main.swift\nSources/Lib/lib.swift\n")
        #expect(try await glob("Sources/**/*.swift").split(separator: "\n").count == 3)
        #expect(try await glob("*.{md,swift}") == "Package.swift\nREADME.md\n")
        #expect(try await glob("[RP]*") == "Package.swift\nREADME.md\n")
        #expect(try await glob(workspace.root.path + "/docs/*.md") == "docs/guide.md\n")
        #expect(try await glob("Sources/App/../Lib/*.swift") == "Sources/Lib/lib.swift\n")
    }

    @Test func capsAndExplainsEmptyResults() async throws {
        #expect(
            try await glob("**/*.swift", max: 2)
                == "Package.swift\nSources/App/Util/strings.swift\n[4 more matches not shown (6 in all); raise max_results or narrow the pattern]\n"
        )
        #expect(try await glob("missing/**/*.rs") == "No files match `missing/**/*.rs` (missing does not exist).")
        #expect(try await glob("README.md/*").hasPrefix("error: README.md is not a directory"))
        let none = try await glob("*.rs")
        #expect(none.contains("No files match `*.rs`"))
        #expect(none.contains("use `**/*.rs`"))
    }

    @Test func refusesEscapes() async throws {
        #expect(try await glob("../**").hasPrefix("refused: "))
        #expect(try await glob("/etc/*").hasPrefix("refused: "))
        #expect(try await glob("outside-link/*").hasPrefix("refused: "))
        #expect(try await glob("*/../../*").hasPrefix("refused: "))
        #expect(!(try await glob("**/*")).contains("secret"))
    }
}
