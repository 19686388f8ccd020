import SparkJSON

/// What the server offers, as `initialize` reports it.
public struct ServerCapabilities: Codable, Hashable, Sendable {
    public var positionEncoding: PositionEncoding?
    public var textDocumentSync: TextDocumentSyncOptions?
    public var codeActionProvider: CodeActionOptions?
    public var executeCommandProvider: ExecuteCommandOptions?
    public var workspace: WorkspaceServerCapabilities?
    public var experimental: JSONValue?

    public init(
        positionEncoding: PositionEncoding? = nil, textDocumentSync: TextDocumentSyncOptions? = nil,
        codeActionProvider: CodeActionOptions? = nil, executeCommandProvider: ExecuteCommandOptions? = nil,
        workspace: WorkspaceServerCapabilities? = nil, experimental: JSONValue? = nil
    ) {
        self.positionEncoding = positionEncoding
        self.textDocumentSync = textDocumentSync
        self.codeActionProvider = codeActionProvider
        self.executeCommandProvider = executeCommandProvider
        self.workspace = workspace
        self.experimental = experimental
    }
}
