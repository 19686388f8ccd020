/// Code actions for a range of a document.
public struct CodeActionRequest: LSPRequest, Hashable {
    public static let method = "textDocument/codeAction"
    public typealias Response = [CodeAction]?

    public var textDocument: TextDocumentIdentifier
    public var range: LSPRange
    public var context: CodeActionContext
    public var workDoneToken: ProgressToken?

    public init(
        textDocument: TextDocumentIdentifier, range: LSPRange, context: CodeActionContext,
        workDoneToken: ProgressToken? = nil
    ) {
        self.textDocument = textDocument
        self.range = range
        self.context = context
        self.workDoneToken = workDoneToken
    }
}
