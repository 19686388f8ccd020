import AgentCore
import CodingAgent
import SparkJSON
import Testing

@Suite struct GrepToolTests {
    let workspace: TestWorkspace
    let tool: GrepTool

    init() throws {
        workspace = try TestWorkspace()
        tool = GrepTool(root: workspace.root)
        workspace.write("src/app.py", "import os\n\ndef main():\n    token = os.environ['TOKEN']\n    return token\n")
        workspace.write("src/util.py", "def helper():\n    return 42\n")
        workspace.write("src/lib.swift", "func main() {\n    print(\"token\")\n}\n")
        workspace.write("build/gen.py", "token = 1\n")
        workspace.write("node_modules/x/index.js", "token\n")
        workspace.write(".gitignore", "build/\n")
        workspace.writeBytes("src/data.bin", Array("token\0binary".utf8))
        workspace.link("src/outside", to: workspace.outside)
        workspace.link("src/secret-link.txt", to: workspace.outside + "/secret.txt")
    }

    func grep(_ arguments: JSONValue) async throws -> String {
        try await tool.call(arguments, context: workspace.context).content
    }

    @Test func literalSearchPrintsFileLineText() async throws {
        #expect(
            try await grep(["pattern": "token"]) == """
                src/app.py:4:    token = os.environ['TOKEN']
                src/app.py:5:    return token
                src/lib.swift:2:    print("token")
                [3 matching lines in 2 files; skipped 1 binary files]

                """)
    }

    @Test func regexWithFileFilterAndPath() async throws {
        #expect(
            try await grep(["pattern": #"def \w+\(\)"#, "file_pattern": "*.py"]) == """
                src/app.py:3:def main():
                src/util.py:1:def helper():
                [2 matching lines in 2 files]

                """)
        #expect(try await grep(["pattern": "(?i)TOKEN", "path": "src/app.py"]).hasPrefix("src/app.py:4:"))
        #expect(
            try await grep(["pattern": "^func|^def", "file_pattern": "*.{swift,py}"]).contains(
                "[3 matching lines in 3 files]"))
        #expect(
            try await grep(["pattern": "main", "file_pattern": "src/*.swift"])
                == "src/lib.swift:1:func main() {\n[1 matching lines in 1 files]\n")
        #expect(try await grep(["pattern": "return [0-9]{2}"]).contains("src/util.py:2:    return 42"))
    }

    @Test func contextLinesUseDashesAndSeparators() async throws {
        #expect(
            try await grep(["pattern": "return token", "context_lines": 1]) == """
                src/app.py-4-    token = os.environ['TOKEN']
                src/app.py:5:    return token
                --
                [1 matching lines in 1 files; skipped 1 binary files]

                """)
    }

    @Test func alternationFindsEveryAlternative() async throws {
        #expect(
            try await grep(["pattern": "helper|print", "path": "src"]) == """
                src/lib.swift:2:    print("token")
                src/util.py:1:def helper():
                [2 matching lines in 2 files; skipped 1 binary files]

                """)
    }

    @Test func manyFilesAreSearchedInParallelAndCappedInWalkOrder() async throws {
        for index in 0..<300 {
            workspace.write("many/f\(1000 + index).txt", "skip\nmatch here \(index)\n")
        }
        let first = try await grep(["pattern": "match here", "path": "many"])
        let lines = first.split(separator: "\n")
        #expect(lines.count == GrepTool.maximumMatches + 1)
        #expect(lines.first == "many/f1000.txt:2:match here 0")
        #expect(lines[199] == "many/f1199.txt:2:match here 199")
        #expect(first.contains("[results capped at 200 matching lines"))
        #expect(try await grep(["pattern": "match here", "path": "many"]) == first)
        #expect(
            try await grep(["pattern": "match here [0-9]+9$", "path": "many"]).contains(
                "[29 matching lines in 29 files]"))
    }

    @Test func capsResultsWithANote() async throws {
        workspace.write("many.txt", String(repeating: "hit\n", count: 500))
        let output = try await grep(["pattern": "hit"])
        #expect(output.split(separator: "\n").filter { $0.hasPrefix("many.txt:") }.count == GrepTool.maximumMatches)
        #expect(output.contains("[results capped at 200 matching lines"))
    }

    @Test func reportsNoMatchesAndBadPatterns() async throws {
        #expect(try await grep(["pattern": "zebra"]).hasPrefix("No matches for `zebra` in . ("))
        #expect(
            try await grep(["pattern": "(unclosed"]).hasPrefix(
                "error: invalid arguments for `grep`: invalid regular expression"))
        #expect(try await grep(["pattern": ""]).hasPrefix("error:"))
        #expect(
            try await grep(["path": "src"])
                == "error: invalid arguments for `grep`: missing required argument 'pattern'")
        #expect(try await grep(["pattern": "x", "path": "missing"]).hasPrefix("error: missing does not exist"))
    }

    @Test func neverReadsThroughLinks() async throws {
        #expect(!(try await grep(["pattern": "secret"])).contains("top secret"))
        #expect(try await grep(["pattern": "secret", "path": "src/outside"]).hasPrefix("refused: "))
    }

    @Test func requiredLiteralsAreConservative() {
        #expect(GrepMatcher.requiredLiteral(of: #"def \w+\(\)"#) == "def ")
        #expect(GrepMatcher.requiredLiteral(of: "foo|bar") == nil)
        #expect(GrepMatcher.requiredLiteral(of: "(?i)token") == nil)
        #expect(GrepMatcher.requiredLiteral(of: "colou?r") == "colo")
        #expect(GrepMatcher.requiredLiteral(of: "ab{10}cd") == "cd")
        #expect(GrepMatcher.requiredLiteral(of: #"x\.y+z"#) == "x.y")
        #expect(GrepMatcher.requiredLiteral(of: "[abc]def(gh)?ij") == "def")
        #expect(GrepMatcher.requiredLiterals(of: "foo|ba+r|(x|y)zz") == ["foo", "ba", "zz"])
        #expect(GrepMatcher.requiredLiterals(of: "foo|.*") == nil)
        #expect(GrepMatcher.requiredLiterals(of: #"a\|bc|[|]de"#) == ["a|bc", "de"])
    }
}
