/// The text of one open document, stored for cheap incremental edits and LSP position conversion.
///
/// The text lives as UTF-8 in a sequence of chunks of about 2 KiB, each with its byte, line-break,
/// UTF-16 and scalar counts cached. An edit rebuilds only the chunks it touches (plus a neighbour
/// when a boundary needs it), and finding a position walks the cached counts chunk by chunk without
/// touching their bytes, then scans within one chunk. On a 5 MB document an edit therefore costs
/// the edit's own size, a few KiB of copying and scanning, and a walk over about 2 500 cached counts
/// (`spark-bench document-edit` measures it: a few microseconds).
///
/// Position semantics follow LSP 3.17:
/// - Lines end at `\n`, `\r\n` or `\r`; `\r\n` is one terminator and no position lands between them.
/// - `character` counts code units of the given ``PositionEncoding``; combining marks count as their
///   own scalars (no grapheme clustering). A position inside a UTF-16 surrogate pair or a multi-byte
///   UTF-8 sequence rounds down to the start of that scalar.
/// - A character past the end of a line clamps to the line's end (before its terminator); a line past
///   the last line clamps to the end of the document; negative values clamp to zero.
/// - A range whose start comes after its end is treated as the range between the two, swapped, as
///   `vscode-languageserver-textdocument` does.
public struct DocumentBuffer: Sendable {
    /// The chunks, never empty; only the sole chunk of an empty document is empty.
    var chunks: [TextChunk]
    /// The size a chunk aims for, in bytes; chunks stay between about half and twice this.
    let chunkSize: Int
    /// The document's length in bytes, the sum of the chunks'.
    public internal(set) var utf8Count: Int
    /// Line terminators in the document, the sum of the chunks'.
    var lineBreakCount: Int

    /// The chunk size used unless a test asks for another.
    static let defaultChunkSize = 2048

    /// Creates a buffer holding `text`.
    public init(_ text: String) {
        self.init(text, chunkSize: Self.defaultChunkSize)
    }

    /// Creates a buffer holding `text`, aiming for chunks of `chunkSize` bytes (at least 4).
    ///
    /// Tests use small chunks so that edits cross chunk boundaries often.
    package init(_ text: String, chunkSize: Int) {
        self.chunkSize = max(4, chunkSize)
        self.chunks = []
        self.utf8Count = 0
        self.lineBreakCount = 0
        let bytes = Array(text.utf8)
        chunks = makeChunks(bytes[...])
        if chunks.isEmpty { chunks = [TextChunk([])] }
        for chunk in chunks {
            utf8Count += chunk.utf8Count
            lineBreakCount += chunk.lineBreaks
        }
    }

    /// The whole text. Costs the document's size.
    public var text: String {
        String(unsafeUninitializedCapacity: utf8Count) { output in
            var written = 0
            for chunk in chunks {
                chunk.bytes.withUnsafeBufferPointer { source in
                    guard let base = source.baseAddress, !source.isEmpty else { return }
                    output.baseAddress!.advanced(by: written).initialize(from: base, count: source.count)
                    written += source.count
                }
            }
            return written
        }
    }

    /// Lines in the document: line breaks plus one. An empty document has one empty line, and a
    /// document ending in a line break has an empty last line.
    public var lineCount: Int { lineBreakCount + 1 }

    /// The text of line `index` without its terminator; `""` for a line that does not exist.
    public func line(_ index: Int) -> Substring {
        guard index >= 0, index <= lineBreakCount else { return "" }
        let start = utf8Offset(of: TextPoint(line: index, character: 0), encoding: .utf8)
        let end = utf8Offset(of: TextPoint(line: index, character: Int.max), encoding: .utf8)
        return Substring(utf8Text(start..<end))
    }

    /// The text of the UTF-8 range `range`, whose ends must be scalar boundaries.
    func utf8Text(_ range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        var chunkStart = 0
        for chunk in chunks {
            let chunkEnd = chunkStart + chunk.utf8Count
            if chunkEnd > range.lowerBound, chunkStart < range.upperBound {
                let from = max(range.lowerBound, chunkStart) - chunkStart
                let to = min(range.upperBound, chunkEnd) - chunkStart
                bytes.append(contentsOf: chunk.bytes[from..<to])
            }
            if chunkEnd >= range.upperBound { break }
            chunkStart = chunkEnd
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Splits `bytes` into chunks of about ``chunkSize`` bytes, never inside a scalar or a `\r\n`.
    func makeChunks(_ bytes: ArraySlice<UInt8>) -> [TextChunk] {
        let count = bytes.count
        if count == 0 { return [] }
        if count <= 2 * chunkSize { return [TextChunk(Array(bytes))] }
        let pieces = (count + chunkSize - 1) / chunkSize
        var result: [TextChunk] = []
        result.reserveCapacity(pieces)
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            for piece in 1...pieces {
                var end = piece == pieces ? count : piece * count / pieces
                while !UTF8Scan.isBoundary(end, in: buffer) { end += 1 }
                if end <= start { continue }
                result.append(TextChunk(Array(buffer[start..<end])))
                start = end
            }
        }
        return result
    }
}
