import AgentCore
import CodingAgent

/// A document's text (whole or a line range) as the file holds it now, bounded.
public struct DocumentExcerpt: Hashable, Sendable {
    public var document: IndexedDocument
    /// The first line returned, 1-based.
    public var startLine: Int
    /// The last line returned, 1-based and inclusive.
    public var endLine: Int
    /// The file's line count now.
    public var lineCount: Int
    public var text: String
    /// Whether the text was cut at `maximumCharacters` before `endLine` as asked.
    public var truncated: Bool
    /// Whether the file changed since it was indexed (line numbers of search results may be off).
    public var changedSinceIndexed: Bool

    /// The citation of the excerpt.
    public var citation: Citation {
        Citation(
            documentID: String(document.id), root: document.root, path: document.path, startLine: startLine,
            endLine: endLine, headings: [], score: 1, snippet: text)
    }
}

extension KnowledgeIndex {
    /// The text of the document `id` from `startLine` to `endLine` (1-based, inclusive; the whole file when
    /// `nil`), at most `maximumCharacters` characters.
    public func excerpt(documentID id: Int64, startLine: Int? = nil, endLine: Int? = nil, maximumCharacters: Int)
        async throws -> DocumentExcerpt
    {
        guard let document = try await base.document(id: id) else {
            throw KnowledgeError("no document \(id) in the knowledge base (ids come from search results)")
        }
        let root = try KnowledgeIndexer.existingRoot(document.root)
        let components = document.path.split(separator: "/").map(String.init)
        let limit = maxFileSize
        let bytes: [UInt8]
        do {
            bytes = try await BlockingFileWork.run { _ in
                try SecureFileSystem.readFile(root: root.path, components: components, limit: limit).bytes
            }
        } catch let error as WorkspacePathError {
            throw KnowledgeError("cannot read \(document.path) (document \(id)): \(error)")
        }
        let lines = DocumentChunker.lines(of: String(decoding: bytes, as: UTF8.self))
        let lineCount = lines.last?.isEmpty == true ? lines.count - 1 : lines.count
        let first = max(1, startLine ?? 1)
        let last = min(max(lineCount, 1), endLine ?? lineCount)
        guard first <= last, first <= max(lineCount, 1) else {
            throw KnowledgeError("\(document.path) has \(lineCount) lines; lines \(first)-\(endLine ?? lineCount) do not exist")
        }
        var text = ""
        var shownLast = first - 1
        var truncated = false
        for number in first...last where number - 1 < lines.count {
            let line = lines[number - 1]
            if text.count + line.count + 1 > maximumCharacters, number > first {
                truncated = true
                break
            }
            text += (number > first ? "\n" : "") + line
            shownLast = number
        }
        return DocumentExcerpt(
            document: document, startLine: first, endLine: max(first, shownLast), lineCount: lineCount, text: text,
            truncated: truncated, changedSinceIndexed: ContentHash.of(bytes) != document.hash)
    }
}
