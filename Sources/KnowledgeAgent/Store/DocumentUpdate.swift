/// One change to the stored documents of a root, applied in a batch by `KnowledgeBase.apply(_:root:)`.
enum DocumentUpdate: Sendable {
    /// A new or changed file and its chunks (replacing the chunks of the document at the same path).
    case store(DocumentFile, chunks: [ChunkDraft])
    /// A file whose content did not change but whose size or modification time did.
    case touch(documentID: Int64, size: Int, modifiedNanoseconds: Int64)
    /// A file moved from another path with the same content: the document (chunks, vectors) moves along.
    case move(documentID: Int64, to: String, modifiedNanoseconds: Int64)
    /// A file that is gone.
    case remove(documentID: Int64)
}

/// What `KnowledgeBase.apply(_:root:)` did to the vectors, for the vector store to follow.
struct AppliedUpdates: Sendable {
    /// The chunks removed, whose vectors must go.
    var removed: [Int64] = []
    /// The vectors of new chunks that are the same as removed ones (the edit left them alone).
    var kept: [ChunkVector] = []
}

/// What the walk learned of a file to store.
struct DocumentFile: Sendable {
    var path: String
    var kind: String
    var size: Int
    var modifiedNanoseconds: Int64
    var hash: String
    var lineCount: Int
    /// The chunking its chunks come from (`BenchmarkBaseline.Chunking.identity`).
    var chunking: String
}
