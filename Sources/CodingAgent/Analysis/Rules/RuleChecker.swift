import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the line rules and the rules derived from a code outline (length, nesting, complexity).
struct RuleChecker {
    /// Long functions, deep nesting and so on, from the outline.
    static let maxFunctionLines = 50
    static let maxNesting = 4
    static let maxComplexity = 10
    static let maxParameters = 6

    let language: SourceLanguage
    let includeSuggestions: Bool

    func check(_ source: ScannedSource, outline: CodeOutline, pythonDriverRan: Bool) -> [AnalysisFinding] {
        let loops = LoopContext.lines(in: source)
        var findings: [AnalysisFinding] = []
        let lowerOriginal = (0..<source.lineCount).map { Self.asciiLowercased(source.originalLine($0)) }
        let lowerScrubbed = (0..<source.lineCount).map { Self.asciiLowercased(source.scrubbedLine($0)) }
        let originalText = String(decoding: source.original, as: UTF8.self)
        let scrubbedText = String(decoding: source.scrubbed, as: UTF8.self)
        for rule in LineRuleCatalog.rules where rule.applies(to: language) {
            if rule.suggestionOnly, !includeSuggestions { continue }
            if pythonDriverRan, language == .python, rule.languages == [.python], !rule.suggestionOnly { continue }
            // One multi-line pass over the whole text is far cheaper than one match per line.
            guard let pattern = try? Regex("(?m)" + rule.pattern) else { continue }
            if !rule.hints.isEmpty {
                for index in 0..<source.lineCount where !rule.insideLoop || loops[index] {
                    let lower = rule.onOriginal ? lowerOriginal[index] : lowerScrubbed[index]
                    let candidate = lower.withCString { text in rule.hints.contains { strstr(text, $0) != nil } }
                    let line = rule.onOriginal ? source.originalLine(index) : source.scrubbedLine(index)
                    if candidate, line.firstMatch(of: pattern) != nil {
                        findings.append(
                            AnalysisFinding(
                                severity: rule.severity, line: index + 1, rule: rule.id, message: rule.message,
                                category: rule.category))
                    }
                }
                continue
            }
            let text = rule.onOriginal ? originalText : scrubbedText
            var reported: Set<Int> = []
            for match in text.matches(of: pattern) {
                let line = source.line(ofOffset: Self.firstVisibleOffset(of: match.range, in: text))
                guard !rule.insideLoop || loops[line], reported.insert(line).inserted else { continue }
                findings.append(
                    AnalysisFinding(
                        severity: rule.severity, line: line + 1, rule: rule.id, message: rule.message,
                        category: rule.category))
            }
        }
        if !pythonDriverRan {
            findings += outlineFindings(outline)
        }
        findings += UnusedImportCheck.findings(in: source)
        if includeSuggestions {
            findings += testabilityFindings(outline, source: source)
        }
        return findings
    }

    static func asciiLowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// The UTF-8 offset of the first non-whitespace character of a match (a `^\s*` match may begin
    /// on the blank line before the code it is about).
    static func firstVisibleOffset(of range: Range<String.Index>, in text: String) -> Int {
        let visible = text[range].firstIndex { !$0.isWhitespace } ?? range.lowerBound
        return text.utf8.distance(from: text.startIndex, to: visible)
    }

    /// Findings the Python driver computes itself; other languages get them from the outline.
    func outlineFindings(_ outline: CodeOutline) -> [AnalysisFinding] {
        var findings: [AnalysisFinding] = []
        for function in outline.functions {
            let name = function.qualifiedName
            if function.lineCount > Self.maxFunctionLines {
                findings.append(
                    AnalysisFinding(
                        severity: .warning, line: function.startLine, rule: "long-function",
                        message: "`\(name)` is \(function.lineCount) lines long; split it into smaller functions",
                        category: .maintainability))
            }
            if function.maxNesting > Self.maxNesting {
                findings.append(
                    AnalysisFinding(
                        severity: .warning, line: function.startLine, rule: "deep-nesting",
                        message:
                            "`\(name)` nests blocks \(function.maxNesting) levels deep; return early or extract helpers",
                        category: .readability))
            }
            if function.complexity > Self.maxComplexity {
                findings.append(
                    AnalysisFinding(
                        severity: .warning, line: function.startLine, rule: "high-complexity",
                        message:
                            "`\(name)` has cyclomatic complexity \(function.complexity) (above \(Self.maxComplexity))",
                        category: .maintainability))
            }
            if function.parameters.count > Self.maxParameters {
                findings.append(
                    AnalysisFinding(
                        severity: .info, line: function.startLine, rule: "too-many-parameters",
                        message: "`\(name)` takes \(function.parameters.count) parameters; group them in a type",
                        category: .readability))
            }
            if function.isPublic, !function.isDocumented, function.lineCount > 10, language != .python {
                findings.append(
                    AnalysisFinding(
                        severity: .info, line: function.startLine, rule: "missing-docstring",
                        message: "public function `\(name)` has no doc comment", category: .maintainability))
            }
        }
        return findings
    }

    /// Hints for the `testing` focus: branchy functions and hidden dependencies on the outside world.
    func testabilityFindings(_ outline: CodeOutline, source: ScannedSource) -> [AnalysisFinding] {
        var findings: [AnalysisFinding] = []
        let text = String(decoding: source.original, as: UTF8.self)
        var effectLines: [Int] = []
        if let effects = try? Regex(
            #"\bopen\(|requests\.|urllib|datetime\.now|time\.time\(|random\.|\bfetch\(|Date\.now\(|new Date\(|Math\.random|os\.Getenv|time\.Now\(|rand::|System\.currentTimeMillis|\bDate\(\)|ProcessInfo|getenv\(|os\.environ"#
        ) {
            effectLines = text.matches(of: effects).map {
                source.line(ofOffset: text.utf8.distance(from: text.startIndex, to: $0.range.lowerBound)) + 1
            }
        }
        for function in outline.publicFunctions {
            if function.complexity >= 5 {
                findings.append(
                    AnalysisFinding(
                        severity: .info, line: function.startLine, rule: "needs-branch-tests",
                        message:
                            "`\(function.qualifiedName)` has \(function.complexity) independent paths; cover each branch with a test (generate_tests gives a skeleton)",
                        category: .testing))
            }
            if let line = effectLines.first(where: { function.startLine <= $0 && $0 <= function.endLine }) {
                findings.append(
                    AnalysisFinding(
                        severity: .info, line: line, rule: "hidden-dependency",
                        message:
                            "`\(function.qualifiedName)` reaches the clock, randomness, environment, files or network directly; inject it so tests can control it",
                        category: .testing))
            }
        }
        return findings
    }
}
