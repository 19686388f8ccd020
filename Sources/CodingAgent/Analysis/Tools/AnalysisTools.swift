import AgentCore

/// The five analysis tools, built together so they share one analyzer.
public enum AnalysisTools {
    /// `analyze_code`, `search_code_patterns`, `generate_tests`, `explain_code`, `suggest_improvements`.
    /// - Parameters:
    ///   - workspaceRoot: the workspace `search_code_patterns` scans for examples (`nil`: no scan).
    ///   - analyzer: where compilers are looked up and how long they may run.
    public static func make(workspaceRoot: String?, analyzer: CodeAnalyzer = CodeAnalyzer()) -> [any AgentTool] {
        [
            AnalyzeCodeTool(analyzer: analyzer),
            SearchCodePatternsTool(workspaceRoot: workspaceRoot),
            GenerateTestsTool(analyzer: analyzer),
            ExplainCodeTool(analyzer: analyzer),
            SuggestImprovementsTool(analyzer: analyzer),
        ]
    }
}
