import CodingAgent

/// Cuts a document into chunks by its structure: prose at its headings (Markdown, reStructuredText, HTML, text
/// with underlined titles), code at its declarations (the coding agent's outline parsers).
public struct DocumentChunker: Sendable {
    /// Goes up by one whenever a change cuts some document differently: documents cut by an earlier version are
    /// cut again at the next indexing (the chunks that come out the same keep their vectors).
    /// 2: HTML titles broken over lines read as one line.
    static let version = 2

    /// Code files larger than this are cut into windows without an outline (the parsers' regular expressions
    /// grow costly on generated files).
    var largestOutlinedCode = 256 * 1024

    public init() {}

    /// The chunks of `text`, a document of `kind`.
    public func chunks(of text: String, kind: DocumentKind) -> [ChunkDraft] {
        let lines = Self.lines(of: text)
        let chunker = SectionChunker()
        switch kind {
        case .markdown:
            return chunker.chunks(lines: lines, marks: MarkdownHeadings.marks(in: lines))
        case .restructuredText, .text:
            return chunker.chunks(lines: lines, marks: UnderlinedHeadings.marks(in: lines))
        case .html:
            let page = HTMLText(lines: lines)
            return chunker.chunks(lines: page.lines, marks: page.marks)
        case .code(let language):
            guard text.utf8.count <= largestOutlinedCode else { return chunker.chunks(lines: lines, marks: []) }
            return chunker.chunks(lines: lines, marks: DeclarationHeadings.marks(in: text, lines: lines, language: language))
        }
    }

    /// The lines of `text` (split at `\n`, a `\r` before it dropped).
    static func lines(of text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.last == "\r" ? line.dropLast() : line
        }
    }
}
