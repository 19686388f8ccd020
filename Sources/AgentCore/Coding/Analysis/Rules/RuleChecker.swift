/// Runs the line rules and the rules derived from a code outline (length, nesting, complexity).
struct RuleChecker {
    /// Long functions, deep nesting and so on, from the outline.
    static let maxFunctionLines = 50
    static let maxNesting = 4
    static let maxComplexity = 10
    static let maxParameters = 6

    let language: SourceLanguage
    let includeSuggestions: Bool

    func check(_ code: String, outline: CodeOutline, pythonDriverRan: Bool) -> [AnalysisFinding] {
        let source = ScannedSource(code, language: language)
        let loops = LoopContext.lines(in: source)
        var findings: [AnalysisFinding] = []
        for rule in LineRuleCatalog.rules where rule.applies(to: language) {
            if rule.suggestionOnly, !includeSuggestions { continue }
            if pythonDriverRan, language == .python, rule.languages == [.python], !rule.suggestionOnly { continue }
            guard let pattern = try? Regex(rule.pattern) else { continue }
            for index in 0..<source.lineCount where !rule.insideLoop || loops[index] {
                let line = rule.onOriginal ? source.originalLine(index) : source.scrubbedLine(index)
                if line.firstMatch(of: pattern) != nil {
                    findings.append(AnalysisFinding(severity: rule.severity, line: index + 1, rule: rule.id, message: rule.message, category: rule.category))
                }
            }
        }
        if !pythonDriverRan {
            findings += outlineFindings(outline)
        }
        if includeSuggestions {
            findings += testabilityFindings(outline, source: source)
        }
        return findings
    }

    /// Findings the Python driver computes itself; other languages get them from the outline.
    func outlineFindings(_ outline: CodeOutline) -> [AnalysisFinding] {
        var findings: [AnalysisFinding] = []
        for function in outline.functions {
            let name = function.qualifiedName
            if function.lineCount > Self.maxFunctionLines {
                findings.append(AnalysisFinding(severity: .warning, line: function.startLine, rule: "long-function", message: "`\(name)` is \(function.lineCount) lines long; split it into smaller functions", category: .maintainability))
            }
            if function.maxNesting > Self.maxNesting {
                findings.append(AnalysisFinding(severity: .warning, line: function.startLine, rule: "deep-nesting", message: "`\(name)` nests blocks \(function.maxNesting) levels deep; return early or extract helpers", category: .readability))
            }
            if function.complexity > Self.maxComplexity {
                findings.append(AnalysisFinding(severity: .warning, line: function.startLine, rule: "high-complexity", message: "`\(name)` has cyclomatic complexity \(function.complexity) (above \(Self.maxComplexity))", category: .maintainability))
            }
            if function.parameters.count > Self.maxParameters {
                findings.append(AnalysisFinding(severity: .info, line: function.startLine, rule: "too-many-parameters", message: "`\(name)` takes \(function.parameters.count) parameters; group them in a type", category: .readability))
            }
            if function.isPublic, !function.isDocumented, function.lineCount > 10, language != .python {
                findings.append(AnalysisFinding(severity: .info, line: function.startLine, rule: "missing-docstring", message: "public function `\(name)` has no doc comment", category: .maintainability))
            }
        }
        return findings
    }

    /// Hints for the `testing` focus: branchy functions and hidden dependencies on the outside world.
    func testabilityFindings(_ outline: CodeOutline, source: ScannedSource) -> [AnalysisFinding] {
        var findings: [AnalysisFinding] = []
        let effects = try? Regex(#"\bopen\(|requests\.|urllib|datetime\.now|time\.time\(|random\.|\bfetch\(|Date\.now\(|new Date\(|Math\.random|os\.Getenv|time\.Now\(|rand::|System\.currentTimeMillis|\bDate\(\)|ProcessInfo|getenv\(|os\.environ"#)
        for function in outline.publicFunctions {
            if function.complexity >= 5 {
                findings.append(AnalysisFinding(severity: .info, line: function.startLine, rule: "needs-branch-tests", message: "`\(function.qualifiedName)` has \(function.complexity) independent paths; cover each branch with a test (generate_tests gives a skeleton)", category: .testing))
            }
            guard let effects, function.startLine <= function.endLine else { continue }
            for index in (function.startLine - 1)..<min(function.endLine, source.lineCount) {
                if source.originalLine(index).firstMatch(of: effects) != nil {
                    findings.append(AnalysisFinding(severity: .info, line: index + 1, rule: "hidden-dependency", message: "`\(function.qualifiedName)` reaches the clock, randomness, environment, files or network directly; inject it so tests can control it", category: .testing))
                    break
                }
            }
        }
        return findings
    }
}
