extension DocumentBuffer {
    /// Descriptions of every broken storage invariant; empty when the buffer is sound.
    ///
    /// For tests: cached counts match the bytes, totals match the chunks, no chunk is empty
    /// (unless it is the only one), and no chunk boundary splits a scalar or a `\r\n` pair.
    package func invariantViolations() -> [String] {
        var problems: [String] = []
        if chunks.isEmpty { return ["no chunks"] }
        var bytes = 0
        var breaks = 0
        for (index, chunk) in chunks.enumerated() {
            let fresh = TextChunk(chunk.bytes)
            if fresh.lineBreaks != chunk.lineBreaks || fresh.utf16Count != chunk.utf16Count
                || fresh.scalarCount != chunk.scalarCount
            {
                problems.append("chunk \(index): stale counts")
            }
            if chunk.bytes.isEmpty, chunks.count > 1 { problems.append("chunk \(index): empty") }
            if let first = chunk.bytes.first, UTF8Scan.isContinuation(first) {
                problems.append("chunk \(index): starts inside a scalar")
            }
            if index > 0, chunk.bytes.first == UTF8Scan.lineFeed,
                chunks[index - 1].bytes.last == UTF8Scan.carriageReturn
            {
                problems.append("chunk \(index): splits a \\r\\n pair")
            }
            if chunk.utf8Count > 4 * chunkSize { problems.append("chunk \(index): \(chunk.utf8Count) bytes") }
            bytes += chunk.utf8Count
            breaks += chunk.lineBreaks
        }
        if bytes != utf8Count { problems.append("utf8Count \(utf8Count), chunks hold \(bytes)") }
        if breaks != lineBreakCount { problems.append("lineBreakCount \(lineBreakCount), chunks hold \(breaks)") }
        return problems
    }
}
