/// `spark/debug/document`: the text and version of an open document as the server holds them.
public struct DebugDocumentRequest: LSPRequest, Hashable {
    public static let method = "spark/debug/document"
    public typealias Response = DebugDocumentResult

    public var uri: DocumentURI

    public init(uri: DocumentURI) {
        self.uri = uri
    }
}
