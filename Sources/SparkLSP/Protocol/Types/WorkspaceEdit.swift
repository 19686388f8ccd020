/// Changes to many documents: `changes` by URI, or ordered `documentChanges`.
public struct WorkspaceEdit: Codable, Hashable, Sendable {
    public var changes: [DocumentURI: [TextEdit]]?
    public var documentChanges: [DocumentChange]?
    public var changeAnnotations: [String: ChangeAnnotation]?

    public init(
        changes: [DocumentURI: [TextEdit]]? = nil, documentChanges: [DocumentChange]? = nil,
        changeAnnotations: [String: ChangeAnnotation]? = nil
    ) {
        self.changes = changes
        self.documentChanges = documentChanges
        self.changeAnnotations = changeAnnotations
    }
}
