/// FNV-1a over a file's bytes, 64 bits in hexadecimal: stable across processes (unlike `Hasher`), cheap, and
/// enough to tell a changed file from an unchanged one and to recognise a moved file.
enum ContentHash {
    static func of(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
