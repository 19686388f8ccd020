extension DocumentBuffer {
    /// Where a line starts: the chunk, the byte within it, and the byte offset in the document.
    struct LineStart {
        var chunk: Int
        var local: Int
        var offset: Int
    }

    /// The UTF-8 offset of `point`, clamped as LSP says: negative values to zero, a character past
    /// the end of its line to the line's end (before the terminator), a line past the last line to
    /// the end of the document. A character inside a scalar rounds down to the scalar's start.
    public func utf8Offset(of point: TextPoint, encoding: PositionEncoding) -> Int {
        let line = max(0, point.line)
        guard line <= lineBreakCount else { return utf8Count }
        var remaining = max(0, point.character)
        let start = lineStart(line)
        var offset = start.offset
        var local = start.local
        var index = start.chunk
        while index < chunks.count {
            if remaining == 0 { return offset }
            let chunk = chunks[index]
            if local == 0, chunk.lineBreaks == 0, chunk.units(in: encoding) <= remaining {
                remaining -= chunk.units(in: encoding)
                offset += chunk.utf8Count
                index += 1
                continue
            }
            let found: Int? = chunk.bytes.withUnsafeBufferPointer { bytes in
                var position = local
                while position < bytes.count {
                    let byte = bytes[position]
                    if UTF8Scan.isLineTerminator(byte) { return position }
                    let width = UTF8Scan.width(lead: byte, in: encoding)
                    if width > remaining { return position }
                    remaining -= width
                    position += UTF8Scan.sequenceLength(lead: byte)
                    if remaining == 0 { return position }
                }
                return nil
            }
            if let found { return offset + found - local }
            offset += chunk.utf8Count - local
            local = 0
            index += 1
        }
        return offset
    }

    /// The position of UTF-8 offset `offset`, clamped to the document. An offset inside a
    /// multi-byte sequence rounds down to the scalar's start; one between `\r` and `\n` rounds down
    /// to the end of the line.
    public func point(atUTF8Offset offset: Int, encoding: PositionEncoding) -> TextPoint {
        let target = min(max(0, offset), utf8Count)
        var index = 0
        var chunkStart = 0
        var breaksBefore = 0
        while index < chunks.count - 1, chunkStart + chunks[index].utf8Count <= target {
            chunkStart += chunks[index].utf8Count
            breaksBefore += chunks[index].lineBreaks
            index += 1
        }
        var foundLineStartInChunk = false
        var point = chunks[index].bytes.withUnsafeBufferPointer { bytes in
            var local = target - chunkStart
            while local < bytes.count, UTF8Scan.isContinuation(bytes[local]) { local -= 1 }
            if local > 0, local < bytes.count,
                bytes[local] == UTF8Scan.lineFeed, bytes[local - 1] == UTF8Scan.carriageReturn
            {
                local -= 1
            }
            let line = breaksBefore + UTF8Scan.lineBreaks(in: UnsafeBufferPointer(rebasing: bytes[0..<local]))
            var lineStart = local
            while lineStart > 0, !UTF8Scan.isLineTerminator(bytes[lineStart - 1]) { lineStart -= 1 }
            foundLineStartInChunk = lineStart > 0
            let character = UTF8Scan.units(
                in: UnsafeBufferPointer(rebasing: bytes[lineStart..<local]), encoding: encoding)
            return TextPoint(line: line, character: character)
        }
        if !foundLineStartInChunk {
            point.character += unitsOnLine(endingBeforeChunk: index, encoding: encoding)
        }
        return point
    }

    /// The text between two positions (swapped if `start` comes after `end`), clamped like
    /// ``utf8Offset(of:encoding:)``.
    public func text(from start: TextPoint, to end: TextPoint, encoding: PositionEncoding) -> String {
        let range = utf8Range(from: start, to: end, encoding: encoding)
        return utf8Text(range)
    }

    /// The UTF-8 range between two positions, clamped, and swapped if `start` comes after `end`.
    func utf8Range(from start: TextPoint, to end: TextPoint, encoding: PositionEncoding) -> Range<Int> {
        let lower = utf8Offset(of: start, encoding: encoding)
        let upper = utf8Offset(of: end, encoding: encoding)
        return min(lower, upper)..<max(lower, upper)
    }

    /// Where line `line` starts; `line` must be in `0...lineBreakCount`.
    func lineStart(_ line: Int) -> LineStart {
        if line <= 0 { return LineStart(chunk: 0, local: 0, offset: 0) }
        var breaksBefore = 0
        var offset = 0
        for index in chunks.indices {
            if breaksBefore + chunks[index].lineBreaks >= line {
                var needed = line - breaksBefore
                let local = chunks[index].bytes.withUnsafeBufferPointer { bytes in
                    var position = 0
                    while position < bytes.count {
                        let byte = bytes[position]
                        position += 1
                        if byte == UTF8Scan.carriageReturn {
                            if position < bytes.count, bytes[position] == UTF8Scan.lineFeed { position += 1 }
                            needed -= 1
                        } else if byte == UTF8Scan.lineFeed {
                            needed -= 1
                        }
                        if needed == 0 { break }
                    }
                    return position
                }
                return LineStart(chunk: index, local: local, offset: offset + local)
            }
            breaksBefore += chunks[index].lineBreaks
            offset += chunks[index].utf8Count
        }
        return LineStart(chunk: chunks.count, local: 0, offset: utf8Count)
    }

    /// Code units of `encoding` on the line that runs into chunk `index`, counted over the chunks
    /// before it back to the line's start.
    private func unitsOnLine(endingBeforeChunk index: Int, encoding: PositionEncoding) -> Int {
        var total = 0
        var previous = index - 1
        while previous >= 0 {
            let chunk = chunks[previous]
            if chunk.lineBreaks == 0 {
                total += chunk.units(in: encoding)
                previous -= 1
                continue
            }
            total += chunk.bytes.withUnsafeBufferPointer { bytes in
                var lineStart = bytes.count
                while lineStart > 0, !UTF8Scan.isLineTerminator(bytes[lineStart - 1]) { lineStart -= 1 }
                return UTF8Scan.units(
                    in: UnsafeBufferPointer(rebasing: bytes[lineStart..<bytes.count]), encoding: encoding)
            }
            break
        }
        return total
    }
}
