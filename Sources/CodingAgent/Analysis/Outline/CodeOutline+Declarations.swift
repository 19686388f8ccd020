import AgentCore

extension CodeOutline {
    /// The outline from the in-process parsers only: braces and regular expressions, indentation for Python,
    /// never the `python3` AST driver. Editors ask for it on every invoked code-action request, where a process
    /// per request would be too slow; the analysis tools use `CodeAnalyzer.outline`, which runs the driver.
    public static func parsed(_ code: String, language: SourceLanguage) -> CodeOutline {
        let source = ScannedSource(code, language: language)
        return language.usesBraces
            ? BraceOutlineParser(source: source).parse() : IndentOutlineParser(source: source).parse()
    }

    /// The innermost function or method whose lines hold `line` (1-based), else the innermost type; `nil` when
    /// the line is outside every declaration.
    public func declaration(enclosing line: Int) -> CodeDeclaration? {
        let function =
            functions
            .filter { $0.startLine <= line && line <= $0.endLine }
            .min { $0.lineCount < $1.lineCount }
        if let function {
            return CodeDeclaration(
                name: function.qualifiedName, kind: function.container == nil ? "function" : "method",
                startLine: function.startLine, endLine: function.endLine)
        }
        let type =
            types
            .filter { $0.startLine <= line && line <= $0.endLine }
            .min { $0.endLine - $0.startLine < $1.endLine - $1.startLine }
        return type.map { CodeDeclaration(name: $0.name, kind: $0.kind, startLine: $0.startLine, endLine: $0.endLine) }
    }
}
