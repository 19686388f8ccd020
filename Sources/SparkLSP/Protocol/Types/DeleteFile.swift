/// A `documentChanges` operation that deletes a file (`kind: "delete"`).
public struct DeleteFile: Codable, Hashable, Sendable {
    public var kind = "delete"
    public var uri: DocumentURI
    public var options: DeleteFileOptions?
    public var annotationId: String?

    public init(uri: DocumentURI, options: DeleteFileOptions? = nil, annotationId: String? = nil) {
        self.uri = uri
        self.options = options
        self.annotationId = annotationId
    }
}
