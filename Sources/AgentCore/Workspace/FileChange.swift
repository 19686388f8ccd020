/// A change to one file that an agent wants made.
///
/// Tools compute the whole new text; the editor decides how to deliver it: the LSP server
/// sends a minimal `workspace/applyEdit` against the buffer version in `baseVersion`, the
/// command line writes the file. Before it does, it runs `ReadBeforeWriteCheck` against the file's
/// text at that moment, with what the agent last saw of the file (`seen`) and how it made the change
/// (`operation`).
public struct FileChange: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case create
        case modify
        case delete
    }

    /// How the agent made the new text: the `file_write` operation, with what a `str_replace` or an `append`
    /// needs to be made again on a text the agent did not see.
    public enum Operation: Hashable, Sendable {
        /// A new file.
        case create
        /// The whole file replaced.
        case overwrite
        /// Lines inserted at a line number or after an anchor, both taken from the text the agent saw.
        case insert
        /// The file deleted.
        case delete
        /// `str_replace`: the single occurrence of `old` replaced by `new`.
        case replace(old: String, new: String)
        /// `append`: text added at the end.
        case append(String)

        /// The text this operation makes of `text`, for the operations that do not depend on the rest of the
        /// text the agent saw: a `replace` whose `old` occurs exactly once in `text`, and an `append`. `nil`
        /// for the others.
        package func redone(on text: String) -> String? {
            switch self {
            case .replace(let old, let new): TextSplice.replacingOnce(old, with: new, in: text).text
            case .append(let addition): TextSplice.appending(addition, to: text)
            case .create, .overwrite, .insert, .delete: nil
            }
        }
    }

    public var kind: Kind
    /// Absolute path, already confined to the workspace.
    public var path: String
    /// The path as the agent named it (relative to the workspace), for the messages it gets back.
    public var displayPath: String
    /// The text the agent based the change on (`nil` when creating).
    public var originalText: String?
    /// The new text (`""` when deleting).
    public var newText: String
    /// The editor buffer version the agent read, or `nil` when it read the file from disk.
    public var baseVersion: Int?
    /// How the agent made `newText`.
    public var operation: Operation
    /// What the agent last saw of the file in its conversation (read with `file_read`, or written itself);
    /// `nil` when it has not seen it.
    public var seen: SeenFile?

    /// - Parameters:
    ///   - operation: `nil` means the plain operation of `kind` (`create`, `overwrite`, `delete`).
    ///   - displayPath: `nil` means `path`.
    public init(
        kind: Kind, path: String, originalText: String?, newText: String, baseVersion: Int?,
        operation: Operation? = nil, seen: SeenFile? = nil, displayPath: String? = nil
    ) {
        self.kind = kind
        self.path = path
        self.displayPath = displayPath ?? path
        self.originalText = originalText
        self.newText = newText
        self.baseVersion = baseVersion
        self.seen = seen
        switch kind {
        case .create: self.operation = operation ?? .create
        case .modify: self.operation = operation ?? .overwrite
        case .delete: self.operation = operation ?? .delete
        }
    }
}
