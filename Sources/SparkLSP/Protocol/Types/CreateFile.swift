/// A `documentChanges` operation that creates a file (`kind: "create"`).
public struct CreateFile: Codable, Hashable, Sendable {
    public var kind = "create"
    public var uri: DocumentURI
    public var options: CreateFileOptions?
    public var annotationId: String?

    public init(uri: DocumentURI, options: CreateFileOptions? = nil, annotationId: String? = nil) {
        self.uri = uri
        self.options = options
        self.annotationId = annotationId
    }
}
