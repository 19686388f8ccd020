import AgentCore

extension CodeAnalyzer {
    /// The declarations of `code` from the outline parsers alone (regular expressions and bracket matching, no
    /// `python3`), synchronous and cheap enough to run over thousands of files (the knowledge base's chunker).
    package static func declarationOutline(_ code: String, language: SourceLanguage) -> CodeOutline {
        let source = ScannedSource(code, language: language)
        return language == .python
            ? IndentOutlineParser(source: source).parse() : BraceOutlineParser(source: source).parse()
    }
}
