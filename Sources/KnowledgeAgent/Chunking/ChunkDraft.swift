/// A chunk the chunker cut from a document, before it is stored: a passage a reader would cite.
public struct ChunkDraft: Hashable, Sendable {
    /// The headings (or declarations) the passage lies under, outermost first.
    public var headings: [String]
    /// The first line, 1-based.
    public var startLine: Int
    /// The last line, 1-based and inclusive.
    public var endLine: Int
    /// The passage's text (for HTML, the text without markup), lines joined with `\n`.
    public var text: String

    public init(headings: [String], startLine: Int, endLine: Int, text: String) {
        self.headings = headings
        self.startLine = startLine
        self.endLine = endLine
        self.text = text
    }
}
