import AgentCore
import SparkJSON

/// `analyze_code(code, language)`: the language's own parser or compiler in check mode plus rule
/// checks (unused names, bare excepts, eval, hard-coded secrets, ...), each finding with a line.
public struct AnalyzeCodeTool: TypedAgentTool {
    public let analyzer: CodeAnalyzer

    public init(analyzer: CodeAnalyzer = CodeAnalyzer()) {
        self.analyzer = analyzer
    }

    public var name: String { "analyze_code" }

    public var description: String {
        """
        Static analysis of a code snippet or file content. Runs the language's own checker where installed \
        (python3 ast, swiftc -parse, clang -fsyntax-only, node --check, go vet, rustc, javac) and rule checks: \
        syntax errors, unused imports and variables, bare except, eval/exec, hard-coded secrets and keys, \
        mutable default arguments, `== None`, leftover print/debug calls, TODO/FIXME, long functions, deep nesting, \
        high complexity. Every finding has a line number, a severity and a rule id. Does not run the code. \
        Use it before proposing an edit and after making one.
        """
    }

    public func run(_ arguments: CodeArguments, context: ToolContext) async throws -> ToolResult {
        let (code, language) = try CodeArguments.checked(code: arguments.code, language: arguments.language, tool: name)
        let report = await analyzer.analyze(code, language: language)
        return ToolResult(Self.render(report), value: try? JSONValue(encoding: report))
    }

    static func render(_ report: AnalysisReport) -> String {
        var lines: [String] = []
        let counts = [
            (FindingSeverity.error, "error", "errors"), (.warning, "warning", "warnings"), (.info, "info", "info"),
        ].map { severity, one, many in
            let count = report.findings.filter { $0.severity == severity }.count
            return "\(count) \(count == 1 ? one : many)"
        }
        lines.append(
            "\(report.language.rawValue): \(report.outline.lineCounts.total) lines, checked with \(report.checkers.joined(separator: " + ")); \(counts.joined(separator: ", "))"
        )
        if report.findings.isEmpty {
            lines.append("No problems found.")
        }
        lines += report.findings.map(\.rendered)
        if !report.notes.isEmpty {
            lines.append("notes:")
            lines += report.notes.map { "- \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}
