import AgentCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The engine behind the five analysis tools: the language's own checker, the Python AST driver,
/// the outline parsers and the rule checks.
public struct CodeAnalyzer: Sendable {
    public let toolchain: AnalysisToolchain

    public init(toolchain: AnalysisToolchain = AnalysisToolchain()) {
        self.toolchain = toolchain
    }

    /// Full analysis: compiler/parser diagnostics plus rule findings, with the outline.
    /// - Parameter includeSuggestions: also run the hint rules `suggest_improvements` uses.
    public func analyze(_ code: String, language: SourceLanguage, includeSuggestions: Bool = false) async
        -> AnalysisReport
    {
        var findings: [AnalysisFinding] = []
        var checkers: [String] = []
        var notes: [String] = []
        let structure = await structure(code, language: language)
        notes += structure.notes
        if let pythonReport = structure.pythonReport {
            checkers.append("python3 ast")
            if let error = pythonReport.syntax_error {
                findings.append(
                    AnalysisFinding(
                        severity: .error, line: error.line, column: error.column, rule: "syntax-error",
                        message: "SyntaxError: \(error.message)", category: .correctness))
            }
            findings += pythonReport.analysisFindings
        }
        if language != .python {
            do {
                let directory = try ScratchDirectory()
                defer { directory.remove() }
                let outcome = await SyntaxChecker(toolchain: toolchain).check(code, language: language, in: directory)
                findings += outcome.findings
                notes += outcome.notes
                if let checker = outcome.checker { checkers.append(checker) }
            } catch {
                notes.append("compiler check skipped: \(error)")
            }
        }
        let driverRan = structure.pythonReport != nil && structure.pythonReport?.syntax_error == nil
        let checker = RuleChecker(language: language, includeSuggestions: includeSuggestions)
        findings += checker.check(structure.source, outline: structure.outline, pythonDriverRan: driverRan)
        checkers.append("rules")
        return AnalysisReport(
            language: language, findings: Self.merge(findings), checkers: checkers, notes: notes,
            outline: structure.outline)
    }

    /// The structure of the code (functions, types, imports, complexity, calls).
    public func outline(_ code: String, language: SourceLanguage) async -> (outline: CodeOutline, notes: [String]) {
        let result = await structure(code, language: language)
        return (result.outline, result.notes)
    }

    struct OutlineResult {
        var source: ScannedSource
        var outline: CodeOutline
        var notes: [String]
        var pythonReport: PythonDriverReport?
    }

    func structure(_ code: String, language: SourceLanguage) async -> OutlineResult {
        let source = ScannedSource(code, language: language)
        guard language == .python else {
            return OutlineResult(source: source, outline: BraceOutlineParser(source: source).parse(), notes: [])
        }
        let counts = LineCounter.count(source)
        guard toolchain.locate("python3") != nil else {
            return OutlineResult(
                source: source,
                outline: IndentOutlineParser(source: source).parse(),
                notes: [
                    "python3 not found: Python was checked with regular-expression rules only (no syntax check, no unused-name analysis)"
                ]
            )
        }
        do {
            let report = try await runPythonDriver(code)
            if report.syntax_error != nil {
                return OutlineResult(
                    source: source, outline: IndentOutlineParser(source: source).parse(), notes: [],
                    pythonReport: report)
            }
            return OutlineResult(
                source: source, outline: report.outline(lineCounts: counts), notes: [], pythonReport: report)
        } catch {
            return OutlineResult(
                source: source, outline: IndentOutlineParser(source: source).parse(),
                notes: ["python3 ast driver failed: \(error)"])
        }
    }

    /// Runs `PythonASTDriver` on the code and decodes its JSON.
    func runPythonDriver(_ code: String) async throws -> PythonDriverReport {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let file = try directory.write(code, named: "snippet.py")
        let output = try await toolchain.run(
            "python3", ["-I", "-c", PythonASTDriver.source, file], in: directory.path)
        if output.timedOut {
            throw AnalysisToolchainError("python3 timed out after \(toolchain.timeout)")
        }
        guard output.exitCode == 0 else {
            throw AnalysisToolchainError(
                "python3 exited with \(output.exitCode.map(String.init) ?? "a signal"): \(output.standardError.suffix(500))"
            )
        }
        return try JSONDecoder().decode(PythonDriverReport.self, from: Data(output.standardOutput.utf8))
    }

    /// Sorts by line and drops repeats: the same rule on the same line about the same name (the first
    /// `backticked` word), or the same compiler message.
    static func merge(_ findings: [AnalysisFinding]) -> [AnalysisFinding] {
        let compilerRules: Set<String> = [
            "syntax-error", "compile-error", "compiler-warning", "go-vet", "unresolved-dependency",
        ]
        var seen: Set<String> = []
        return
            findings
            .sorted { ($0.line, $1.severity, $0.rule) < ($1.line, $0.severity, $1.rule) }
            .filter { finding in
                let subject =
                    compilerRules.contains(finding.rule)
                    ? finding.message
                    : (finding.message.split(separator: "`", omittingEmptySubsequences: false).dropFirst().first.map(
                        String.init) ?? "")
                return seen.insert("\(finding.line)|\(finding.rule)|\(subject)").inserted
            }
    }
}
