/// An open document as the server holds it.
public struct OpenTextDocument: Sendable {
    public var uri: DocumentURI
    public var languageId: String
    public var version: Int
    public var buffer: DocumentBuffer

    public init(uri: DocumentURI, languageId: String, version: Int, buffer: DocumentBuffer) {
        self.uri = uri
        self.languageId = languageId
        self.version = version
        self.buffer = buffer
    }
}
