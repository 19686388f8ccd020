import AgentCore
import CodingAgent
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// With an empty search path no compiler or interpreter exists: the tools say so and still run rules.
@Suite struct MissingToolchainTests {
    @Test func pythonFallsBackToRegexRulesAndOutline() async throws {
        let path = try AnalysisTestSupport.emptyDirectory()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let analyzer = CodeAnalyzer(toolchain: AnalysisToolchain(searchPath: path))
        let code =
            "import os\n\ndef f(x, items=[]):\n    if x == None:\n        return eval(x)\n    return items\n\ntoken = \"ghp_abcdefghijklmnopqrstuvwxyz0123456789\"\n"
        let report = await analyzer.analyze(code, language: .python)
        #expect(report.notes.contains { $0.hasPrefix("python3 not found") })
        #expect(!report.checkers.contains("python3 ast"))
        let rules = Set(report.findings.map(\.rule))
        #expect(rules.isSuperset(of: ["mutable-default", "compare-none", "eval-exec", "api-token"]))
        #expect(report.outline.functions.map(\.name) == ["f"])
        #expect(report.outline.functions.first?.complexity == 2)
    }

    @Test func compiledLanguagesNoteTheMissingCompiler() async throws {
        let path = try AnalysisTestSupport.emptyDirectory()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let tool = AnalyzeCodeTool(analyzer: CodeAnalyzer(toolchain: AnalysisToolchain(searchPath: path)))
        let result = try await AnalysisTestSupport.run(
            tool, ["code": "int main(void) { char b[4]; gets(b); return 0 }\n", "language": "c"])
        #expect(!result.isError)
        #expect(result.content.contains("clang or gcc not found"))
        #expect(result.content.contains("line 1 error [unsafe-function]"))
        #expect(!result.content.contains("syntax-error"))
    }

    @Test func aHungCheckerIsKilledAtTheTimeout() async throws {
        let directory = try AnalysisTestSupport.emptyDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // A fake `node` that never finishes stands in for a hung checker.
        let fake = "\(directory)/node"
        let marker = "47.\(Int.random(in: 100_000...999_999))"
        try Data("#!/bin/sh\nsleep \(marker) &\nwait\n".utf8).write(to: URL(fileURLWithPath: fake))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake)
        let analyzer = CodeAnalyzer(
            toolchain: AnalysisToolchain(searchPath: "\(directory):/usr/bin:/bin", timeout: .milliseconds(300)))
        let clock = ContinuousClock()
        let start = clock.now
        let report = await analyzer.analyze("let x = 1;\n", language: .javascript)
        #expect(clock.now - start < .seconds(60), "the 300 ms timeout did not stop the checker")
        #expect(report.notes.contains { $0.contains("node --check timed out") }, "\(report.notes)")
        // The whole process group died, not just the shell: no `sleep <marker>` is left behind.
        #expect(Self.processesRunning(argument: marker) == 0)
    }

    /// Counts processes whose command line has `argument` (reads /proc).
    static func processesRunning(argument: String) -> Int {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { $0.allSatisfy(\.isNumber) }.filter { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return data.split(separator: 0).contains { String(decoding: $0, as: UTF8.self) == argument }
        }.count
    }
}
