import AgentCore

/// Everything `analyze_code` learned about a piece of code.
public struct AnalysisReport: Hashable, Sendable, Codable {
    public var language: SourceLanguage
    /// Findings sorted by line, duplicates merged.
    public var findings: [AnalysisFinding]
    /// Which checkers ran (`python3 ast`, `clang -fsyntax-only`, `rules`, ...).
    public var checkers: [String]
    /// Missing toolchains, timeouts and other things the reader should know.
    public var notes: [String]
    public var outline: CodeOutline

    public init(
        language: SourceLanguage, findings: [AnalysisFinding], checkers: [String], notes: [String], outline: CodeOutline
    ) {
        self.language = language
        self.findings = findings
        self.checkers = checkers
        self.notes = notes
        self.outline = outline
    }

    /// Whether the language's parser or compiler rejected the code (`syntax-error` or `compile-error`).
    public var hasSyntaxErrors: Bool { findings.contains { $0.rule == "syntax-error" || $0.rule == "compile-error" } }

    /// Findings of the given rule.
    public func findings(rule: String) -> [AnalysisFinding] { findings.filter { $0.rule == rule } }
}
