extension DocumentBuffer {
    /// Replaces the text between two positions with `newText`, as an LSP incremental
    /// `didChange` or a `TextEdit` does.
    ///
    /// Both positions clamp like ``utf8Offset(of:encoding:)``; a `start` after `end` is swapped
    /// (the range between the two is replaced), as `vscode-languageserver-textdocument` does.
    /// Costs the size of `newText` plus a few KiB, not the size of the document.
    public mutating func replace(
        from start: TextPoint, to end: TextPoint, with newText: String, encoding: PositionEncoding
    ) {
        let range = utf8Range(from: start, to: end, encoding: encoding)
        replaceUTF8(range, with: Array(newText.utf8))
    }

    /// Replaces the UTF-8 range `range`, whose ends must be scalar boundaries not inside a
    /// `\r\n` pair, with `newBytes`, which must be valid UTF-8.
    package mutating func replaceUTF8(_ range: Range<Int>, with newBytes: [UInt8]) {
        precondition(range.lowerBound >= 0 && range.upperBound <= utf8Count, "range outside the document")
        let first = chunkContaining(range.lowerBound)
        let last = chunkContaining(range.upperBound)
        var lower = first.index
        var upper = last.index
        // Rebuild a neighbour too when the edit reaches a chunk's edge: the new text could start
        // with `\n` after a neighbour's `\r` (or end with `\r` before its `\n`).
        if range.lowerBound == first.start, lower > 0 { lower -= 1 }
        if range.upperBound == last.start + chunks[upper].utf8Count, upper < chunks.count - 1 { upper += 1 }

        var region: [UInt8] = []
        region.reserveCapacity(newBytes.count + 2 * chunkSize)
        for index in lower..<first.index { region.append(contentsOf: chunks[index].bytes) }
        region.append(contentsOf: chunks[first.index].bytes[..<(range.lowerBound - first.start)])
        region.append(contentsOf: newBytes)
        region.append(contentsOf: chunks[last.index].bytes[(range.upperBound - last.start)...])
        for index in (last.index + 1)..<(upper + 1) { region.append(contentsOf: chunks[index].bytes) }

        // Merge a chunk that became small into its neighbours, so chunks stay near their size.
        while region.count < chunkSize / 2, lower > 0 || upper < chunks.count - 1 {
            if lower > 0 {
                lower -= 1
                region.insert(contentsOf: chunks[lower].bytes, at: 0)
            } else {
                upper += 1
                region.append(contentsOf: chunks[upper].bytes)
            }
        }

        var replacement = makeChunks(region[...])
        if replacement.isEmpty, lower == 0, upper == chunks.count - 1 { replacement = [TextChunk([])] }
        for index in lower...upper {
            utf8Count -= chunks[index].utf8Count
            lineBreakCount -= chunks[index].lineBreaks
        }
        for chunk in replacement {
            utf8Count += chunk.utf8Count
            lineBreakCount += chunk.lineBreaks
        }
        chunks.replaceSubrange(lower...upper, with: replacement)
    }

    /// The chunk holding byte `offset` and the chunk's start; the last chunk for the end offset.
    private func chunkContaining(_ offset: Int) -> (index: Int, start: Int) {
        var index = 0
        var start = 0
        while index < chunks.count - 1, start + chunks[index].utf8Count <= offset {
            start += chunks[index].utf8Count
            index += 1
        }
        return (index, start)
    }
}
