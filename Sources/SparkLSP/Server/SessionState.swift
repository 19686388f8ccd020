import SparkJSON

/// What `initialize` and later notifications told the server about the client.
public struct SessionState: Sendable {
    public var lifecycle: LifecycleState = .uninitialized
    public var clientCapabilities = ClientCapabilities()
    public var clientInfo: ClientInfo?
    public var positionEncoding: PositionEncoding = .utf16
    public var rootURI: DocumentURI?
    public var workspaceFolders: [WorkspaceFolder] = []
    public var initializationOptions: JSONValue?
    public var trace: TraceValue = .off

    public init() {}
}
