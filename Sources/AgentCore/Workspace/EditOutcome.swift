/// How a `FileChange` ended.
public struct EditOutcome: Hashable, Sendable {
    /// Whether the change was made.
    public var applied: Bool
    /// Why not (a refusal starts with `refused:`), or a note for the model (for example that the file had
    /// changed since it read it and the edit was made on the current text).
    public var message: String?
    /// The change as the editor made it, when it says: the change asked for, or its operation made again on the
    /// file's current text (a `str_replace` or an `append` on a file that changed since the agent saw it).
    /// `nil`: the change asked for.
    public var change: FileChange?
    /// What the file holds after the change, when the editor knows more than the text it made: the buffer's new
    /// version once the editor reported its edit. `nil`: the agent knows the text it made, not a version.
    public var written: SeenFile?

    public init(applied: Bool, message: String? = nil, change: FileChange? = nil, written: SeenFile? = nil) {
        self.applied = applied
        self.message = message
        self.change = change
        self.written = written
    }

    public static let applied = EditOutcome(applied: true)
}
