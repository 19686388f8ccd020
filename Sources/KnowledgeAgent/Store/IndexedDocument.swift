/// A stored document: one file under an indexed root, as it was when last indexed.
public struct IndexedDocument: Hashable, Sendable {
    public var id: Int64
    /// The indexed root (absolute).
    public var root: String
    /// The path relative to `root`.
    public var path: String
    /// `markdown`, `rst`, `html`, `text`, or a programming language.
    public var kind: String
    public var size: Int
    /// The modification time in nanoseconds since 1970.
    public var modifiedNanoseconds: Int64
    /// The content hash (FNV-1a, 64 bits, hexadecimal).
    public var hash: String
    public var lineCount: Int
    /// The chunking the document was cut with (`BenchmarkBaseline.Chunking.identity`; empty: before it was recorded).
    public var chunking: String

    /// The document's absolute path.
    public var absolutePath: String { root.hasSuffix("/") ? root + path : root + "/" + path }
}
