#if canImport(Glibc)
import Glibc
#endif

/// Exact byte-sequence search (`memchr` for the first byte, then `memcmp`).
enum ByteSearch {
    /// The offsets of the non-overlapping occurrences of `needle` in `haystack`, at most `limit`.
    static func offsets(of needle: [UInt8], in haystack: UnsafeRawBufferPointer, limit: Int = Int.max) -> [Int] {
        guard !needle.isEmpty, let base = haystack.baseAddress, haystack.count >= needle.count else { return [] }
        var results: [Int] = []
        var start = 0
        let first = Int32(needle[0])
        let last = haystack.count - needle.count
        needle.withUnsafeBytes { needleBytes in
            while results.count < limit, start <= last,
                let found = memchr(base + start, first, last - start + 1)
            {
                let offset = base.distance(to: UnsafeRawPointer(found))
                if memcmp(found, needleBytes.baseAddress!, needle.count) == 0 {
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
    static func offsets(of needle: String, in text: String, limit: Int = Int.max) -> [Int] {
        var text = text
        return text.withUTF8 { offsets(of: Array(needle.utf8), in: UnsafeRawBufferPointer($0), limit: limit) }
    }

    /// Whether `bytes` look binary: a NUL byte in the first 8000 bytes (as git decides).
    static func looksBinary(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return memchr(base, 0, min(bytes.count, 8000)) != nil
    }
}
