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

    public init(action: Action, uri: DocumentURI, range: LSPRange, diagnostic: Diagnostic? = nil) {
        self.action = action
        self.uri = uri
        self.range = range
        self.diagnostic = diagnostic
    }
}
