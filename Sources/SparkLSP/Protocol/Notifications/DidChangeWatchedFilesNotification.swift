/// Client to server: files the client watches changed (`workspace/didChangeWatchedFiles`).
public struct DidChangeWatchedFilesNotification: LSPNotification, Hashable {
    public static let method = "workspace/didChangeWatchedFiles"

    /// One change: the file and whether it was created (1), changed (2) or deleted (3).
    public struct FileEvent: Codable, Hashable, Sendable {
        public var uri: DocumentURI
        public var type: Int

        public init(uri: DocumentURI, type: Int) {
            self.uri = uri
            self.type = type
        }
    }

    public var changes: [FileEvent]

    public init(changes: [FileEvent]) {
        self.changes = changes
    }
}
