/// One piece of a ``DocumentBuffer``: a run of UTF-8 bytes with its counts cached.
///
/// Invariants kept by ``DocumentBuffer``: a chunk starts and ends on scalar boundaries, and a
/// `\r\n` pair never straddles two chunks, so line breaks add up chunk by chunk.
struct TextChunk: Sendable {
    /// The chunk's UTF-8 bytes.
    private(set) var bytes: [UInt8]
    /// The chunk's length in bytes, stored so that walking the chunks never touches their bytes.
    private(set) var utf8Count: Int
    /// Line terminators in the chunk (`\r\n` counts once).
    private(set) var lineBreaks: Int
    /// UTF-16 code units in the chunk.
    private(set) var utf16Count: Int
    /// Unicode scalars (UTF-32 code units) in the chunk.
    private(set) var scalarCount: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.utf8Count = bytes.count
        var lineBreaks = 0
        var utf16 = 0
        var scalars = 0
        bytes.withUnsafeBufferPointer { buffer in
            // One pass, without branches on the common path: a non-continuation byte starts a
            // scalar, a four-byte lead adds a second UTF-16 unit, and `\r\n` counts as one break.
            var previous: UInt8 = 0
            for byte in buffer {
                let starts = UTF8Scan.isContinuation(byte) ? 0 : 1
                scalars &+= starts
                utf16 &+= starts &+ (byte >= 0xF0 ? 1 : 0)
                let isBreak =
                    byte == UTF8Scan.carriageReturn
                    || (byte == UTF8Scan.lineFeed && previous != UTF8Scan.carriageReturn)
                lineBreaks &+= isBreak ? 1 : 0
                previous = byte
            }
        }
        self.lineBreaks = lineBreaks
        self.utf16Count = utf16
        self.scalarCount = scalars
    }

    /// The chunk's length in code units of `encoding`.
    func units(in encoding: PositionEncoding) -> Int {
        switch encoding {
        case .utf8: return utf8Count
        case .utf16: return utf16Count
        case .utf32: return scalarCount
        }
    }
}
