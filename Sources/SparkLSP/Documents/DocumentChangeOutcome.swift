/// What `DocumentStore.change` did with a `didChange`.
public enum DocumentChangeOutcome: Hashable, Sendable {
    /// The changes were applied; the document is at the new version.
    case applied
    /// No such open document; nothing changed.
    case unknownDocument
    /// The version was not newer than the one held (`current`); the changes were ignored.
    case staleVersion(current: Int)
}
