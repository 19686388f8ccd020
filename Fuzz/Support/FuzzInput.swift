/// The bytes libFuzzer hands a target, read front to back to derive structure (chunk sizes, flags).
///
/// Reading past the end yields zeros, so every input is usable and a shorter input means "defaults".
struct FuzzInput {
    let bytes: [UInt8]
    private(set) var position = 0

    init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    }

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var remaining: ArraySlice<UInt8> { bytes[position...] }
    var isAtEnd: Bool { position >= bytes.count }

    /// The next byte, or 0 at the end.
    mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// A number in `0..<bound` from the next byte.
    mutating func number(below bound: Int) -> Int {
        Int(byte()) % bound
    }

    /// A stable 64-bit hash of all the bytes (FNV-1a), to seed the random choices a target makes per input.
    var hash: UInt64 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0100_0000_01B3 }
        return value
    }
}
