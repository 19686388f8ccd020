/// A stored chunk: its id, its document and where it lies.
public struct KnowledgeChunk: Hashable, Sendable {
    public var id: Int64
    public var documentID: Int64
    /// The indexed root the document lies under (absolute).
    public var root: String
    /// The document's path relative to `root`.
    public var path: String
    /// The headings (or declarations) the chunk lies under, outermost first.
    public var headings: [String]
    /// 1-based, inclusive.
    public var startLine: Int
    public var endLine: Int
    public var text: String

    /// The separator of the heading trail in the database and in titles.
    static let headingSeparator = " › "

    /// What the embedding model reads: the title line, then the text.
    var embeddingText: String { embeddingTitle + "\n" + text }

    /// The path and headings on one line, which the embedding model reads before the text and each passage.
    var embeddingTitle: String { ([path] + headings).joined(separator: Self.headingSeparator) }
}
