import AgentCore

/// The JSON printed by `PythonASTDriver`.
struct PythonDriverReport: Decodable {
    struct SyntaxError: Decodable {
        var line: Int
        var column: Int
        var message: String
    }

    struct Finding: Decodable {
        var line: Int
        var rule: String
        var severity: String
        var category: String
        var message: String
    }

    struct Parameter: Decodable {
        var name: String
        var annotation: String?
        var `default`: String?
        var kind: String
    }

    struct Function: Decodable {
        var name: String
        var container: String?
        var line: Int
        var end_line: Int?
        var params: [Parameter]
        var returns: String?
        var is_async: Bool
        var decorators: [String]
        var complexity: Int
        var max_nesting: Int
        var calls: [String]
        var raises: [String]
        var has_docstring: Bool
    }

    struct Class: Decodable {
        var name: String
        var line: Int
        var end_line: Int?
        var bases: [String]
    }

    struct Import: Decodable {
        var line: Int
        var module: String
        var names: [String]
    }

    var syntax_error: SyntaxError?
    var findings: [Finding]
    var functions: [Function]
    var classes: [Class]
    var imports: [Import]

    var analysisFindings: [AnalysisFinding] {
        findings.map { finding in
            AnalysisFinding(
                severity: FindingSeverity(rawValue: finding.severity) ?? .warning,
                line: finding.line,
                rule: finding.rule,
                message: finding.message,
                category: FindingCategory(rawValue: finding.category) ?? .maintainability
            )
        }
    }

    func outline(lineCounts: LineCounts) -> CodeOutline {
        let codeFunctions = functions.map { function in
            let isPrivate = function.name.hasPrefix("_")
            let containerPrivate = function.container?.hasPrefix("_") ?? false
            return CodeFunction(
                name: function.name,
                container: function.container,
                startLine: function.line,
                endLine: function.end_line ?? function.line,
                parameters: function.params.map {
                    CodeParameter(name: $0.name, type: $0.annotation, defaultValue: $0.default, kind: $0.kind)
                },
                returnType: function.returns,
                isAsync: function.is_async,
                isPublic: !isPrivate && !containerPrivate,
                canThrow: !function.raises.isEmpty,
                complexity: function.complexity,
                maxNesting: function.max_nesting,
                calls: function.calls,
                raises: function.raises,
                isDocumented: function.has_docstring
            )
        }
        return CodeOutline(
            language: .python,
            functions: codeFunctions,
            types: classes.map {
                CodeType(
                    name: $0.name, kind: "class", startLine: $0.line, endLine: $0.end_line ?? $0.line,
                    inherits: $0.bases)
            },
            imports: imports.map { CodeImport(module: $0.module, names: $0.names, line: $0.line) },
            lineCounts: lineCounts
        )
    }
}
