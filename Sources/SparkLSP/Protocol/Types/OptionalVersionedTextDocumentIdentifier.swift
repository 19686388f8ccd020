/// Names a document, at a version when it is open (`null` when not).
public struct OptionalVersionedTextDocumentIdentifier: Codable, Hashable, Sendable {
    public var uri: DocumentURI
    public var version: Int?

    public init(uri: DocumentURI, version: Int? = nil) {
        self.uri = uri
        self.version = version
    }
}
