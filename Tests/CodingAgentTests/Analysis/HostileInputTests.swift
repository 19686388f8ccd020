import AgentCore
import CodingAgent
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Client input never traps: malformed code in every language goes through every tool.
@Suite struct HostileInputTests {
    static let inputs: [String] = [
        " ",
        "{",
        "}}}}",
        "((((",
        "func f(",
        "def f(:\n",
        "fn f<'a>(x: &'a str) -> &'a str { x }\n'",
        "\"unterminated\n'also\n`template ${\n",
        "\"\"\"\nnever closed",
        "/* never closed\nfunc f() {}",
        "class A { m( { } }\n",
        "#include\nint f(int, char*);\nint g(void) {",
        "x\r\ny = 1\r\ndef g():\r\n    return y\r\n",
        "é = 1\nfunc 🙂() {}\nlet ü = \"ö\"\n",
        String(repeating: "a", count: 20_000),
        String(repeating: "{", count: 500) + String(repeating: "}", count: 499),
        "function (a, b) => {\n",
        "impl<T> for {}\nfn\n",
        "import\nfrom x import\nuse ;\n",
        "const f = async (x) =>\n",
    ]

    @Test(arguments: SourceLanguage.allCases)
    func everyToolSurvivesMalformedCode(language: SourceLanguage) async throws {
        let path = try AnalysisTestSupport.emptyDirectory()
        defer { try? FileManager.default.removeItem(atPath: path) }
        // No compilers: this test is about our own parsing; the real checkers are tested elsewhere.
        let analyzer = CodeAnalyzer(toolchain: AnalysisToolchain(searchPath: path))
        let tools: [any AgentTool] = [
            AnalyzeCodeTool(analyzer: analyzer), ExplainCodeTool(analyzer: analyzer),
            GenerateTestsTool(analyzer: analyzer), SuggestImprovementsTool(analyzer: analyzer),
        ]
        for input in Self.inputs {
            for tool in tools {
                let result = try await AnalysisTestSupport.run(
                    tool, ["code": .string(input), "language": .string(language.rawValue)])
                if input.analysisIsBlank {
                    #expect(result.isError, "\(tool.name) accepted blank code")
                } else {
                    #expect(!result.isError, "\(tool.name) on \(language): \(result.content)")
                }
            }
        }
    }
}

extension String {
    fileprivate var analysisIsBlank: Bool { allSatisfy(\.isWhitespace) }
}
