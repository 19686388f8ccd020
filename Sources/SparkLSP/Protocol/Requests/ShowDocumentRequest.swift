/// Server to client: show a document (or an external URI).
public struct ShowDocumentRequest: LSPRequest, Hashable {
    public static let method = "window/showDocument"
    public typealias Response = ShowDocumentResult

    public var uri: DocumentURI
    public var external: Bool?
    public var takeFocus: Bool?
    public var selection: LSPRange?

    public init(uri: DocumentURI, external: Bool? = nil, takeFocus: Bool? = nil, selection: LSPRange? = nil) {
        self.uri = uri
        self.external = external
        self.takeFocus = takeFocus
        self.selection = selection
    }
}
