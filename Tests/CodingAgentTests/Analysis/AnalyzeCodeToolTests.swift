import AgentCore
import CodingAgent
import Testing

@Suite struct AnalyzeCodeToolTests {
    let analyzer = CodeAnalyzer()

    @Test func pythonSyntaxErrorHasItsLineAndColumn() async throws {
        let code = "import os\n\ndef broken(:\n    return 1\n"
        let report = await analyzer.analyze(code, language: .python)
        let error = try #require(report.findings(rule: "syntax-error").first)
        #expect(error.line == 3)
        #expect(error.column == 12)
        #expect(error.severity == .error)
        #expect(report.checkers.contains("python3 ast"))
    }

    @Test func pythonRulesFindUnusedNamesSecretsAndSmells() async throws {
        let code = """
            import os
            import json
            from typing import List

            API_KEY = "sk-live-abcdefghijklmnopqrstuvwx"
            AWS = "AKIAABCDEFGHIJKLMNOP"

            def handler(event, cache={}):
                unused = 3
                if event == None:
                    try:
                        return eval(event["expr"])
                    except:
                        pass
                print(json.dumps(event))  # TODO remove
                return cache
            """
        let report = await analyzer.analyze(code, language: .python)
        let rules = Dictionary(grouping: report.findings, by: \.rule).mapValues { $0.map(\.line) }
        #expect(rules["unused-import"] == [1, 3])
        #expect(rules["hardcoded-secret"] == [5])
        #expect(rules["aws-access-key"] == [6])
        #expect(rules["mutable-default"] == [8])
        #expect(rules["unused-variable"] == [9])
        #expect(rules["compare-none"] == [10])
        #expect(rules["eval-exec"] == [12])
        #expect(rules["bare-except"] == [13])
        #expect(rules["print-debugging"] == [15])
        #expect(rules["todo"] == [15])
        #expect(!report.hasSyntaxErrors)
    }

    @Test func printInMainIsOutputNotDebugging() async throws {
        let code =
            "def work(x):\n    print(x)\n    return x\n\n\ndef main():\n    print(work(1))\n\n\nif __name__ == \"__main__\":\n    print(\"done\")\n    main()\n"
        let report = await analyzer.analyze(code, language: .python)
        #expect(report.findings(rule: "print-debugging").map(\.line) == [2])
    }

    @Test func unusedImportsInJavaAndJavaScript() async throws {
        let path = try AnalysisTestSupport.emptyDirectory()
        let rulesOnly = CodeAnalyzer(toolchain: AnalysisToolchain(searchPath: path))
        let java =
            "import java.util.List;\nimport java.util.Map;\nimport java.io.*;\n\nclass A {\n    List<String> names;\n}\n"
        #expect(await rulesOnly.analyze(java, language: .java).findings(rule: "unused-import").map(\.line) == [2])
        let js =
            "import fs, { readFile, writeFile as write } from \"fs\";\nimport * as path from \"path\";\nconst { join } = require(\"path\");\n\nexport const f = () => `${readFile}` + path.sep;\n"
        let findings = await rulesOnly.analyze(js, language: .javascript).findings(rule: "unused-import")
        #expect(
            findings.map(\.message) == [
                "`fs` is imported but never used", "`write` is imported but never used",
                "`join` is imported but never used",
            ])
    }

    @Test func privateKeyBlockIsFoundInAnyLanguage() async throws {
        let code = "let key = \"\"\"\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n\"\"\"\n"
        let report = await analyzer.analyze(code, language: .swift)
        #expect(report.findings(rule: "private-key").map(\.line) == [2])
    }

    @Test(.enabled(if: AnalysisTestSupport.has("clang")))
    func cSyntaxErrorComesFromClang() async throws {
        let code = "#include <stdio.h>\n\nint main(void) {\n    int x = 1\n    return x;\n}\n"
        let report = await analyzer.analyze(code, language: .c)
        #expect(report.checkers.contains("clang -fsyntax-only"))
        let error = try #require(report.findings(rule: "compile-error").first)
        #expect(error.line == 4)
        #expect(error.message.contains("expected ';'"))
        #expect(report.hasSyntaxErrors)
    }

    @Test(.enabled(if: AnalysisTestSupport.has("clang")))
    func cUnsafeFunctionAndCompilerWarning() async throws {
        let code =
            "#include <string.h>\n\nvoid copy(char *dst, const char *src) {\n    int unused;\n    strcpy(dst, src);\n}\n"
        let report = await analyzer.analyze(code, language: .c)
        #expect(report.findings(rule: "unsafe-function").map(\.line) == [5])
        #expect(report.findings(rule: "compiler-warning").contains { $0.line == 4 && $0.message.contains("unused") })
    }

    @Test(.enabled(if: AnalysisTestSupport.has("swiftc")))
    func swiftParseErrorComesFromSwiftc() async throws {
        let report = await analyzer.analyze("func f() {\n    let x = (1 + \n}\n", language: .swift)
        #expect(report.checkers.contains("swiftc -parse"))
        #expect(report.findings(rule: "syntax-error").contains { $0.line == 3 })
    }

    @Test(.enabled(if: AnalysisTestSupport.has("node")))
    func javascriptSyntaxErrorComesFromNode() async throws {
        let report = await analyzer.analyze("const a = 1;\nconst b = ;\nconsole.log(a, b);\n", language: .javascript)
        #expect(report.checkers.contains("node --check"))
        let error = try #require(report.findings(rule: "syntax-error").first)
        #expect(error.line == 2)
        #expect(error.column == 11)
        #expect(error.message.contains("SyntaxError"))
    }

    @Test(.enabled(if: AnalysisTestSupport.has("rustc")))
    func rustErrorsAndWarningsComeFromRustc() async throws {
        let broken = await analyzer.analyze("pub fn f() -> i32 {\n    let x = 1;\n    missing\n}\n", language: .rust)
        #expect(broken.findings(rule: "compile-error").contains { $0.line == 3 && $0.message.contains("missing") })
        let unused = await analyzer.analyze("pub fn f() -> i32 {\n    let unused = 1;\n    2\n}\n", language: .rust)
        #expect(
            unused.findings(rule: "compiler-warning").contains {
                $0.line == 2 && $0.message.contains("unused variable")
            })
        #expect(!unused.hasSyntaxErrors)
    }

    @Test(.enabled(if: AnalysisTestSupport.has("javac")))
    func javaErrorComesFromJavacWithTheCaretColumn() async throws {
        let code = "public class Greeter {\n    String greet() {\n        return \"hi\"\n    }\n}\n"
        let report = await analyzer.analyze(code, language: .java)
        let error = try #require(report.findings(rule: "compile-error").first)
        #expect(error.line == 3)
        #expect(error.column != nil)
    }

    @Test(.enabled(if: AnalysisTestSupport.has("clang")))
    func missingHeadersAreWarningsNotErrors() async throws {
        let report = await analyzer.analyze(
            "#include \"project/config.h\"\n\nint answer(void) { return 42; }\n", language: .c)
        let finding = try #require(report.findings(rule: "unresolved-dependency").first)
        #expect(finding.line == 1 && finding.severity == .warning)
        #expect(!report.hasSyntaxErrors)
    }

    @Test(.enabled(if: AnalysisTestSupport.has("clang")))
    func includedFilesOutsideTheSnippetAreNeverQuoted() async throws {
        let result = try await AnalysisTestSupport.run(
            AnalyzeCodeTool(analyzer: analyzer),
            ["code": "#include \"/etc/passwd\"\nint main(void) { return 0; }\n", "language": "c"]
        )
        #expect(!result.content.contains("root:"))
        #expect(!result.content.contains("/bin/"))
        #expect(result.content.contains("in an included file"))
    }

    @Test func cleanCodeHasNoFindings() async throws {
        let code = "def add(a: int, b: int) -> int:\n    \"\"\"Add two numbers.\"\"\"\n    return a + b\n"
        let result = try await AnalysisTestSupport.run(
            AnalyzeCodeTool(analyzer: analyzer), ["code": .string(code), "language": "py"])
        #expect(!result.isError)
        #expect(result.content.contains("No problems found."))
    }

    @Test func badArgumentsAreToolErrors() async throws {
        let tool = AnalyzeCodeTool(analyzer: analyzer)
        let missing = try await AnalysisTestSupport.run(tool, ["language": "python"])
        #expect(missing.content == "error: invalid arguments for `analyze_code`: missing required argument 'code'")
        let empty = try await AnalysisTestSupport.run(tool, ["code": "  ", "language": "python"])
        #expect(empty.content == "error: invalid arguments for `analyze_code`: argument 'code' is empty")
        let unknown = try await AnalysisTestSupport.run(tool, ["code": "x", "language": "cobol"])
        #expect(unknown.isError && unknown.content.contains("unknown language `cobol`"))
    }

    @Test func toolResultRendersFindingsWithLines() async throws {
        let result = try await AnalysisTestSupport.run(
            AnalyzeCodeTool(analyzer: analyzer),
            ["code": "import os\npassword = \"hunter2hunter2\"\n", "language": "python"]
        )
        #expect(result.content.contains("line 1 warning [unused-import]"))
        #expect(result.content.contains("line 2 error [hardcoded-secret]"))
        #expect(result.value?["findings"]?.arrayValue?.count == 2)
    }
}
