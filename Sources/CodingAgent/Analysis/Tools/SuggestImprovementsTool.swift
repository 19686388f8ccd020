import AgentCore
import SparkJSON

/// `suggest_improvements(code, language, focus)`: findings for one focus, with lines, derived from the
/// analysis plus focus-specific hints (loops, testability, ...).
public struct SuggestImprovementsTool: TypedAgentTool {
    public let analyzer: CodeAnalyzer

    public init(analyzer: CodeAnalyzer = CodeAnalyzer()) {
        self.analyzer = analyzer
    }

    public var name: String { "suggest_improvements" }

    public var description: String {
        """
        Suggests concrete improvements to code for one focus: performance (work in loops, N+1 queries, string building), \
        readability (long lines and functions, nesting, naming hazards), security (secrets, eval, injection, unsafe APIs), \
        maintainability (complexity, unused code, swallowed errors, missing docs), testing (untested branches, hidden \
        dependencies on clock, network, files) or all. Each suggestion has a line number and a rule id. Review the \
        suggestions before applying them: they are hints, not orders.
        """
    }

    public func run(_ arguments: SuggestImprovementsArguments, context: ToolContext) async throws -> ToolResult {
        let (code, language) = try CodeArguments.checked(code: arguments.code, language: arguments.language, tool: name)
        let focusName =
            arguments.focus.map { $0.trimmingWhitespace.lowercased() }.flatMap { $0.isEmpty ? nil : $0 } ?? "all"
        guard let focus = ImprovementFocus(rawValue: focusName) else {
            throw ArgumentsError(
                tool: name,
                "unknown focus `\(focusName)`; use one of: \(ImprovementFocus.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        let report = await analyzer.analyze(code, language: language, includeSuggestions: true)
        let selected = report.findings.filter { focus.categories.contains($0.category) }
        return ToolResult(
            Self.render(report, focus: focus, selected: selected),
            value: ["focus": .string(focus.rawValue), "findings": (try? JSONValue(encoding: selected)) ?? []]
        )
    }

    static func render(_ report: AnalysisReport, focus: ImprovementFocus, selected: [AnalysisFinding]) -> String {
        var lines: [String] = []
        if report.hasSyntaxErrors, focus != .all, focus != .maintainability {
            lines.append("The code does not parse; fix these first:")
            lines += report.findings.filter { $0.rule == "syntax-error" || $0.rule == "compile-error" }.map {
                "- " + $0.rendered
            }
            lines.append("")
        }
        if selected.isEmpty {
            lines.append(
                "No \(focus == .all ? "" : focus.rawValue + " ")issues found by the automatic checks. Worth checking by hand:"
            )
            lines += focus.checklist.map { "- \($0)" }
        } else {
            lines.append(
                "\(selected.count) suggestion\(selected.count == 1 ? "" : "s") (focus: \(focus.rawValue)), most serious first:"
            )
            let ordered = selected.sorted { ($1.severity, $0.line) < ($0.severity, $1.line) }
            lines += ordered.map { "- \($0.category.rawValue): " + $0.rendered }
        }
        if !report.notes.isEmpty {
            lines.append("notes:")
            lines += report.notes.map { "- \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}
