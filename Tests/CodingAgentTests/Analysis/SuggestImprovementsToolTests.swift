import AgentCore
import CodingAgent
import Testing

@Suite struct SuggestImprovementsToolTests {
    let tool = SuggestImprovementsTool()

    static let python = """
        import re
        import subprocess


        def report(rows, password="hunter2hunter2"):
            out = ""
            for row in rows:
                pattern = re.compile(r"\\d+")
                out += "x"
                subprocess.run(row, shell=True)
            return out
        """

    @Test func performanceFocusFindsWorkInLoops() async throws {
        let result = try await AnalysisTestSupport.run(
            tool, ["code": .string(Self.python), "language": "python", "focus": "performance"])
        #expect(!result.isError)
        let rules = result.value?["findings"]?.arrayValue?.compactMap { $0["rule"]?.stringValue } ?? []
        #expect(rules.contains("regex-compile-in-loop"))
        #expect(rules.contains("string-concat-in-loop"))
        #expect(!rules.contains("shell-true"))
        #expect(result.content.contains("line 8 info [regex-compile-in-loop]"))
    }

    @Test func securityFocusFindsSecretsAndShell() async throws {
        let result = try await AnalysisTestSupport.run(
            tool, ["code": .string(Self.python), "language": "python", "focus": "security"])
        let findings = result.value?["findings"]?.arrayValue ?? []
        let rules = findings.compactMap { $0["rule"]?.stringValue }
        #expect(rules.contains("hardcoded-secret"))
        #expect(rules.contains("shell-true"))
        #expect(findings.allSatisfy { $0["category"] == "security" })
        #expect(result.content.hasPrefix("2 suggestions (focus: security)"))
    }

    @Test func testingFocusFlagsBranchesAndHiddenDependencies() async throws {
        let code = """
            import random
            import time


            def backoff(attempt):
                if attempt < 0:
                    raise ValueError("attempt")
                if attempt == 0 or attempt is None:
                    return 0
                if attempt > 10:
                    attempt = 10
                delay = 2 ** attempt + random.random()
                return min(delay, time.time() % 60)
            """
        let result = try await AnalysisTestSupport.run(
            tool, ["code": .string(code), "language": "python", "focus": "testing"])
        let rules = result.value?["findings"]?.arrayValue?.compactMap { $0["rule"]?.stringValue } ?? []
        #expect(rules.contains("needs-branch-tests"))
        #expect(rules.contains("hidden-dependency"))
    }

    @Test func readabilityOnBraceLanguageUsesTheOutline() async throws {
        let code = """
            function deep(a, b, c, d, e, f, g) {
              if (a) {
                if (b) {
                  if (c) {
                    if (d) {
                      if (e) {
                        return f + g;
                      }
                    }
                  }
                }
              }
              return 0;
            }
            """
        let result = try await AnalysisTestSupport.run(
            tool, ["code": .string(code), "language": "javascript", "focus": "readability"])
        let rules = result.value?["findings"]?.arrayValue?.compactMap { $0["rule"]?.stringValue } ?? []
        #expect(rules.contains("deep-nesting"))
        #expect(rules.contains("too-many-parameters"))
    }

    @Test func nothingFoundGivesAChecklist() async throws {
        let result = try await AnalysisTestSupport.run(
            tool, ["code": "def add(a, b):\n    return a + b\n", "language": "python", "focus": "performance"])
        #expect(result.content.hasPrefix("No performance issues found by the automatic checks."))
        let bad = try await AnalysisTestSupport.run(tool, ["code": "x = 1", "language": "python", "focus": "speed"])
        #expect(bad.isError && bad.content.contains("unknown focus `speed`"))
    }
}
