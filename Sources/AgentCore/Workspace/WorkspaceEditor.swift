/// A change to one file that an agent wants made.
///
/// Tools compute the whole new text; the editor decides how to deliver it: the LSP server
/// sends a minimal `workspace/applyEdit` against the buffer version in `baseVersion`, the
/// command line writes the file.
public struct FileChange: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case create
        case modify
        case delete
    }

    public var kind: Kind
    /// Absolute path, already confined to the workspace.
    public var path: String
    /// The text the agent based the change on (`nil` when creating).
    public var originalText: String?
    /// The new text (`""` when deleting).
    public var newText: String
    /// The editor buffer version the agent read, or `nil` when it read the file from disk.
    public var baseVersion: Int?

    public init(kind: Kind, path: String, originalText: String?, newText: String, baseVersion: Int?) {
        self.kind = kind
        self.path = path
        self.originalText = originalText
        self.newText = newText
        self.baseVersion = baseVersion
    }
}

/// How a `FileChange` ended.
public struct EditOutcome: Hashable, Sendable {
    /// Whether the change was made.
    public var applied: Bool
    /// Why not, or a note for the model (for example "the buffer changed since you read it").
    public var message: String?

    public init(applied: Bool, message: String? = nil) {
        self.applied = applied
        self.message = message
    }

    public static let applied = EditOutcome(applied: true)
}

/// Delivers agent edits: through the editor (LSP `workspace/applyEdit`) or to disk.
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
