/// What an agent last saw of a file in its conversation: a digest of the text and, when the text came from an
/// editor buffer, that buffer's version. `ReadBeforeWriteCheck` compares it with the file when an edit is applied.
public struct SeenFile: Hashable, Sendable {
    /// How the agent came to see the text.
    public enum Source: Hashable, Sendable {
        /// It read the file with `file_read` (search results do not count).
        case read
        /// It wrote the file itself; the text is what its edit made.
        case written
    }

    /// The digest of the text the agent saw.
    public var digest: TextDigest
    /// The editor buffer's version, when the text came from one: `nil` for text read from disk, and after the
    /// agent's own edit, whose resulting version only the editor knows.
    public var version: Int?
    public var source: Source

    public init(text: String, version: Int?, source: Source) {
        self.digest = TextDigest(text)
        self.version = version
        self.source = source
    }
}
