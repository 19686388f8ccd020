/// Delivers agent edits: through the editor (LSP `workspace/applyEdit`) or to disk.
///
/// An editor decides every change with `ReadBeforeWriteCheck` against the file's text at the moment it applies it
/// (the live buffer and its version in an editor, the disk otherwise), and makes it only when the check lets it,
/// with the text the check returns.
public protocol WorkspaceEditor: Sendable {
    func apply(_ change: FileChange) async throws -> EditOutcome
}

/// An editor buffer as the editor last sent it.
public struct OpenDocument: Hashable, Sendable {
    public var text: String
    public var version: Int

    public init(text: String, version: Int) {
        self.text = text
        self.version = version
    }
}

/// Live editor buffers, so tools read what the user sees rather than a stale file on disk.
public protocol DocumentSource: Sendable {
    /// The open buffer for the absolute `path`, or `nil` when the file is not open.
    func openDocument(atPath path: String) async -> OpenDocument?
}
