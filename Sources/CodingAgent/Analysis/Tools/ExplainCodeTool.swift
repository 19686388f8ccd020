import AgentCore
import SparkJSON

/// `explain_code(code, language)`: the structure of the code, for the model to explain from facts.
public struct ExplainCodeTool: TypedAgentTool {
    public let analyzer: CodeAnalyzer

    public init(analyzer: CodeAnalyzer = CodeAnalyzer()) {
        self.analyzer = analyzer
    }

    public var name: String { "explain_code" }

    public var description: String {
        """
        Describes the structure of code so you can explain it accurately: imports, types, every function and method \
        with its line range, parameters and return type, cyclomatic complexity per function, call relations \
        (which function calls which, within the code) and line counts. Use it before explaining unfamiliar code; \
        then explain in your own words, citing line numbers.
        """
    }

    public func run(_ arguments: CodeArguments, context: ToolContext) async throws -> ToolResult {
        let (code, language) = try CodeArguments.checked(code: arguments.code, language: arguments.language, tool: name)
        let (outline, notes) = await analyzer.outline(code, language: language)
        return ToolResult(Self.render(outline, notes: notes), value: try? JSONValue(encoding: outline))
    }

    /// `line 4` or `lines 4-9 (6 lines)`.
    static func lineRange(_ start: Int, _ end: Int) -> String {
        end <= start ? "line \(start)" : "lines \(start)-\(end) (\(end - start + 1) lines)"
    }

    static func render(_ outline: CodeOutline, notes: [String]) -> String {
        var lines: [String] = []
        let counts = outline.lineCounts
        lines.append(
            "\(outline.language.rawValue): \(counts.total) lines (\(counts.code) code, \(counts.comment) comment, \(counts.blank) blank)"
        )
        if !outline.imports.isEmpty {
            lines.append("")
            lines.append("Imports:")
            lines += outline.imports.map { item in
                let names = item.names.isEmpty ? "" : " (\(item.names.joined(separator: ", ")))"
                return "- line \(item.line): \(item.module)\(names)"
            }
        }
        if !outline.types.isEmpty {
            lines.append("")
            lines.append("Types:")
            lines += outline.types.map { type in
                let inherits = type.inherits.isEmpty ? "" : " : \(type.inherits.joined(separator: ", "))"
                return "- \(type.kind) \(type.name)\(inherits): \(Self.lineRange(type.startLine, type.endLine))"
            }
        }
        lines.append("")
        if outline.functions.isEmpty {
            lines.append("Functions: none")
        } else {
            lines.append("Functions:")
            for function in outline.functions {
                let parameters = function.parameters.map(\.rendered).joined(separator: ", ")
                let returns = function.returnType.map { " -> \($0)" } ?? ""
                var traits: [String] = []
                if function.isAsync { traits.append("async") }
                if function.canThrow { traits.append("throws") }
                if !function.isPublic { traits.append("private") }
                let traitText = traits.isEmpty ? "" : ", " + traits.joined(separator: ", ")
                lines.append(
                    "- \(function.qualifiedName)(\(parameters))\(returns): \(Self.lineRange(function.startLine, function.endLine)), complexity \(function.complexity), nesting \(function.maxNesting)\(traitText)"
                )
            }
        }
        let graph = outline.callGraph
        lines.append("")
        if graph.isEmpty {
            lines.append("Call relations: no function calls another function defined in this code")
        } else {
            lines.append("Call relations (caller -> callees):")
            lines += graph.keys.sorted().map { "- \($0) -> \((graph[$0] ?? []).joined(separator: ", "))" }
            let defined = Set(outline.functions.map(\.name))
            let calledInside = Set(graph.values.joined())
            let entryPoints = outline.functions.filter { !calledInside.contains($0.name) && defined.contains($0.name) }
                .map(\.qualifiedName)
            if !entryPoints.isEmpty {
                lines.append("Entry points (not called from this code): \(entryPoints.joined(separator: ", "))")
            }
        }
        if let worst = outline.functions.max(by: { $0.complexity < $1.complexity }), worst.complexity > 1 {
            lines.append("Most complex: \(worst.qualifiedName) (complexity \(worst.complexity))")
        }
        if !notes.isEmpty {
            lines.append("notes:")
            lines += notes.map { "- \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}
