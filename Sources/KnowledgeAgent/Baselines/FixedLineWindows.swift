/// Fixed windows of lines without overlap: the chunking of the `fts5-40` baseline of the retrieval benchmark
/// (`SPARK_KB_CHUNKING=lines:40`), which ignores headings and declarations.
public enum FixedLineWindows {
    /// The 1-based, inclusive line ranges of windows of `size` lines over a text of `lineCount` lines.
    public static func ranges(lineCount: Int, size: Int) -> [ClosedRange<Int>] {
        guard lineCount > 0, size > 0 else { return [] }
        return stride(from: 1, through: lineCount, by: size).map { $0...min($0 + size - 1, lineCount) }
    }

    /// The chunks of `text` in windows of `size` lines, without headings.
    static func chunks(of text: String, size: Int) -> [ChunkDraft] {
        let lines = DocumentChunker.lines(of: text)
        let count = lines.last?.isEmpty == true ? lines.count - 1 : lines.count
        return ranges(lineCount: count, size: size).map { range in
            ChunkDraft(
                headings: [], startLine: range.lowerBound, endLine: range.upperBound,
                text: lines[(range.lowerBound - 1)..<range.upperBound].joined(separator: "\n"))
        }
    }
}
