/// The passages of a long chunk that the embedding model reads one at a time, besides the chunk as a whole.
///
/// A chunk is a section a reader would cite, up to about 1,200 characters; one vector of all of it (the model
/// reads at most 256 tokens, and pools them into one) blurs a question that one paragraph answers. Vectors of
/// passages of about `maximumCharacters` each, every one under the chunk's path and heading trail, let the
/// ranking score a chunk with its closest passage too (`ChunkSimilarity`; docs/benchmarks/knowledge.md measures
/// what that earns).
public struct EmbeddingPassages: Sendable {
    /// The most characters (UTF-8 bytes) of text a passage holds, its title line aside.
    public var maximumCharacters: Int

    public init(maximumCharacters: Int = 500) { self.maximumCharacters = maximumCharacters }

    /// The passages of `chunk`, each its title line (path and headings) then its text; none when the text fits
    /// in one passage (the chunk's own vector stands for it).
    func passages(of chunk: KnowledgeChunk) -> [String] {
        passages(title: chunk.embeddingTitle, text: chunk.text)
    }

    /// The passages of a chunk whose title line is `title` and whose text is `text`.
    public func passages(title: String, text: String) -> [String] {
        guard text.utf8.count > maximumCharacters else { return [] }
        return pieces(of: text).map { title + "\n" + $0 }
    }

    /// `text` cut into pieces of at most `maximumCharacters`: whole paragraphs packed together when they fit,
    /// a longer paragraph by its lines, a longer line at its last sentence end or space.
    public func pieces(of text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        func add(_ part: Substring, separator: String) {
            guard !part.isEmpty else { return }
            if !current.isEmpty, current.utf8.count + separator.utf8.count + part.utf8.count > maximumCharacters {
                pieces.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : separator) + part
        }
        for paragraph in Self.paragraphs(of: text) {
            if paragraph.utf8.count <= maximumCharacters {
                add(paragraph, separator: "\n\n")
                continue
            }
            if !current.isEmpty {
                pieces.append(current)
                current = ""
            }
            for line in paragraph.split(separator: "\n", omittingEmptySubsequences: true) {
                for part in cut(line) { add(part, separator: "\n") }
            }
            if !current.isEmpty {
                pieces.append(current)
                current = ""
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// The paragraphs of `text`: runs of lines between blank lines, trimmed of blank lines.
    private static func paragraphs(of text: String) -> [Substring] {
        var paragraphs: [Substring] = []
        var start: String.Index?
        var end = text.startIndex
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if SectionChunker.isBlank(line) {
                if let first = start { paragraphs.append(text[first..<end]) }
                start = nil
            } else {
                if start == nil { start = line.startIndex }
                end = line.endIndex
            }
        }
        if let first = start { paragraphs.append(text[first..<end]) }
        return paragraphs
    }

    /// `line` in parts of at most `maximumCharacters` bytes: each cut after its last sentence end or at its last
    /// space when that lies in its second half, else at the last whole character that fits.
    private func cut(_ line: Substring) -> [Substring] {
        var parts: [Substring] = []
        var rest = line
        while rest.utf8.count > maximumCharacters {
            var limit = rest.startIndex
            var bytes = 0
            for index in rest.indices {
                bytes += rest[index].utf8.count
                if bytes > maximumCharacters { break }
                limit = rest.index(after: index)
            }
            if limit == rest.startIndex { limit = rest.index(after: limit) }
            let head = rest[..<limit]
            let middle = head.index(head.startIndex, offsetBy: head.count / 2)
            var end = limit
            if let sentence = head.ranges(of: ". ").last, sentence.lowerBound >= middle {
                end = head.index(after: sentence.lowerBound)
            } else if let space = head.lastIndex(of: " "), space >= middle {
                end = space
            }
            parts.append(rest[..<end])
            rest = rest[end...].drop { $0 == " " }
        }
        if !rest.isEmpty { parts.append(rest) }
        return parts
    }
}
