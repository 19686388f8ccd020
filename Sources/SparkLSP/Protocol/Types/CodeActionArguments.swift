/// The one argument of the `spark.codeAction` command.
public struct CodeActionArguments: Codable, Hashable, Sendable {
    /// What the action does.
    public enum Action: String, Codable, Hashable, Sendable, CaseIterable {
        case fix, refactor, explain, generateTests, review
    }

    public var action: Action
    public var uri: DocumentURI
    public var range: LSPRange
    /// The diagnostic a `fix` answers.
    public var diagnostic: Diagnostic?
    /// The declaration a cursor action applies to (`parse_header`, `Parser.parse`), whose lines `range` covers.
    public var symbol: String?
    /// Its kind: `function`, `method`, `class`, `struct`, ...
    public var symbolKind: String?

    public init(
        action: Action, uri: DocumentURI, range: LSPRange, diagnostic: Diagnostic? = nil, symbol: String? = nil,
        symbolKind: String? = nil
    ) {
        self.action = action
        self.uri = uri
        self.range = range
        self.diagnostic = diagnostic
        self.symbol = symbol
        self.symbolKind = symbolKind
    }
}
