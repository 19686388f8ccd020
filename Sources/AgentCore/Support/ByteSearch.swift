#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Exact byte-sequence search: `memchr` for the needle's rarest byte, then `memcmp`. Shared by `grep`, `file_write`
/// and `ReadBeforeWriteCheck` (which redoes a `str_replace` on the text an editor holds when an edit is applied).
package enum ByteSearch {
    /// Bytes common in source code and prose, most common first; others count as rare.
    private static let commonBytes = Array(" etaoinsrlcdumph\n.(),_;=fgbyv\"TESAIRNwkCOx:L-/".utf8)

    /// The index of the byte of `needle` least likely to occur in text.
    static func anchorIndex(of needle: [UInt8]) -> Int {
        var best = 0
        var bestRank = -1
        for (index, byte) in needle.enumerated() {
            let rank = commonBytes.firstIndex(of: byte).map { commonBytes.count - $0 } ?? Int.max
            if bestRank < 0 || rank > bestRank {
                best = index
                bestRank = rank
            }
        }
        return best
    }

    /// The offsets of the non-overlapping occurrences of `needle` in `haystack`, at most `limit`.
    package static func offsets(of needle: [UInt8], in haystack: UnsafeRawBufferPointer, limit: Int = Int.max) -> [Int]
    {
        guard !needle.isEmpty, let base = haystack.baseAddress, haystack.count >= needle.count else { return [] }
        var results: [Int] = []
        var start = 0
        let anchor = anchorIndex(of: needle)
        let anchorByte = Int32(needle[anchor])
        let last = haystack.count - needle.count
        needle.withUnsafeBytes { needleBytes in
            while results.count < limit, start <= last,
                let found = memchr(base + start + anchor, anchorByte, last - start + 1)
            {
                let offset = base.distance(to: UnsafeRawPointer(found)) - anchor
                if memcmp(base + offset, needleBytes.baseAddress!, needle.count) == 0 {
                    results.append(offset)
                    start = offset + needle.count
                } else {
                    start = offset + 1
                }
            }
        }
        return results
    }

    /// The offsets of the occurrences of `needle` in `text`, in UTF-8 bytes.
    package static func offsets(of needle: String, in text: String, limit: Int = Int.max) -> [Int] {
        var text = text
        return text.withUTF8 { offsets(of: Array(needle.utf8), in: UnsafeRawBufferPointer($0), limit: limit) }
    }

    /// Whether `bytes` look binary: a NUL byte in the first 8000 bytes (as git decides).
    package static func looksBinary(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return memchr(base, 0, min(bytes.count, 8000)) != nil
    }
}
