/// Fixed windows of lines without overlap: the chunking of the `fts5-40` baseline of the retrieval benchmark
/// (`SPARK_KB_CHUNKING=lines:40`), which ignores headings and declarations.
public enum FixedLineWindows {
    /// The 1-based, inclusive line ranges of windows of `size` lines over a text of `lineCount` lines.
    public static func ranges(lineCount: Int, size: Int) -> [ClosedRange<Int>] {
        guard lineCount > 0, size > 0 else { return [] }
        return stride(from: 1, through: lineCount, by: size).map { $0...min($0 + size - 1, lineCount) }
    }
}
