/// One change an agent made (or tried to make) during a chat run.
public struct ChatEdit: Codable, Hashable, Sendable {
    public var path: String
    public var uri: DocumentURI
    /// `create`, `modify` or `delete`.
    public var change: String
    /// Whether the editor applied it.
    public var applied: Bool
    /// Why not, when it was not.
    public var message: String?
    /// The edit itself, when the client cannot apply edits (so it can show or apply it).
    public var edit: WorkspaceEdit?

    public init(path: String, uri: DocumentURI, change: String, applied: Bool, message: String? = nil, edit: WorkspaceEdit? = nil) {
        self.path = path
        self.uri = uri
        self.change = change
        self.applied = applied
        self.message = message
        self.edit = edit
    }
}
