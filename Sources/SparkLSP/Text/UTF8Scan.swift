/// Byte-level helpers over valid UTF-8, shared by ``TextChunk`` and ``DocumentBuffer``.
///
/// Everything here assumes well-formed UTF-8 (the buffer only ever holds bytes that came from a
/// Swift `String`), so a lead byte alone tells a scalar's length and its UTF-16 width.
enum UTF8Scan {
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D

    /// Whether `byte` continues a multi-byte sequence (`10xxxxxx`), so no position may land on it.
    @inline(__always)
    static func isContinuation(_ byte: UInt8) -> Bool {
        byte & 0xC0 == 0x80
    }

    /// Whether `byte` ends a line on its own or starts a `\r\n` pair.
    @inline(__always)
    static func isLineTerminator(_ byte: UInt8) -> Bool {
        byte == lineFeed || byte == carriageReturn
    }

    /// The length in bytes of the scalar whose lead byte is `lead`.
    @inline(__always)
    static func sequenceLength(lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    /// How many code units of `encoding` the scalar with lead byte `lead` counts.
    @inline(__always)
    static func width(lead: UInt8, in encoding: PositionEncoding) -> Int {
        switch encoding {
        case .utf8: return sequenceLength(lead: lead)
        case .utf16: return lead >= 0xF0 ? 2 : 1
        case .utf32: return 1
        }
    }

    /// Code units of `encoding` in `bytes`, which must start and end on scalar boundaries.
    static func units(in bytes: UnsafeBufferPointer<UInt8>, encoding: PositionEncoding) -> Int {
        switch encoding {
        case .utf8:
            return bytes.count
        case .utf16:
            var count = 0
            for byte in bytes where !isContinuation(byte) {
                count += byte >= 0xF0 ? 2 : 1
            }
            return count
        case .utf32:
            var count = 0
            for byte in bytes where !isContinuation(byte) {
                count += 1
            }
            return count
        }
    }

    /// Line terminators in `bytes`: each `\n`, each `\r`, and each `\r\n` pair once.
    ///
    /// A `\n` at the start of `bytes` counts on its own, so callers never split a `\r\n` pair.
    static func lineBreaks(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == carriageReturn || (byte == lineFeed && previous != carriageReturn) {
                count += 1
            }
            previous = byte
        }
        return count
    }

    /// Whether a chunk or edit boundary may fall before index `index` of `bytes`: not inside a
    /// multi-byte sequence and not between the `\r` and `\n` of a pair.
    static func isBoundary(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if index <= 0 || index >= bytes.count { return true }
        if isContinuation(bytes[index]) { return false }
        return !(bytes[index] == lineFeed && bytes[index - 1] == carriageReturn)
    }
}
