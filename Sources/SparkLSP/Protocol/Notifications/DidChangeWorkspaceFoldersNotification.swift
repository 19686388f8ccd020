/// Workspace folders were added or removed.
public struct DidChangeWorkspaceFoldersNotification: LSPNotification, Hashable {
    public static let method = "workspace/didChangeWorkspaceFolders"

    public var event: WorkspaceFoldersChangeEvent

    public init(event: WorkspaceFoldersChangeEvent) {
        self.event = event
    }
}
