import AgentCore
import SparkJSON

/// `suggest_improvements(code, language, focus)`: findings for one focus, with lines, derived from the
/// analysis plus focus-specific hints (loops, testability, ...).
public struct SuggestImprovementsTool: AgentTool {
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

    public var parametersSchema: JSONValue {
        AnalysisSchemas.codeAndLanguage(adding: [
            "focus": [
                "type": "string",
                "enum": .array(ImprovementFocus.allCases.map { .string($0.rawValue) }),
                "description":
                    "What to concentrate on: performance, readability, security, maintainability, testing, or all (the default).",
            ]
        ])
    }

    public func call(_ arguments: JSONValue, context: ToolContext) async throws -> ToolResult {
        let code: String
        let language: SourceLanguage
        let focus: ImprovementFocus
        do {
            let reader = AnalysisArguments(arguments)
            (code, language) = try reader.codeAndLanguage()
            let focusName = reader.optionalString("focus")?.lowercased() ?? "all"
            guard let parsed = ImprovementFocus(rawValue: focusName) else {
                return .error(
                    "unknown focus `\(focusName)`; use one of: \(ImprovementFocus.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            focus = parsed
        } catch {
            return .error(error.description)
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
