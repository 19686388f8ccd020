/// `textDocument/codeAction` as the agent service answers it: the params of `CodeActionRequest`,
/// the reply typed as `SparkCodeAction`s (the same JSON as `[CodeAction]`).
public struct SparkCodeActionRequest: LSPRequest, Hashable {
    public static let method = CodeActionRequest.method
    public typealias Response = [SparkCodeAction]

    public var textDocument: TextDocumentIdentifier
    public var range: LSPRange
    public var context: CodeActionContext

    public init(textDocument: TextDocumentIdentifier, range: LSPRange, context: CodeActionContext) {
        self.textDocument = textDocument
        self.range = range
        self.context = context
    }
}
