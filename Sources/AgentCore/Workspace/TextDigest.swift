/// A digest of a text's UTF-8 bytes: tells whether a file still holds the text an agent saw without keeping the
/// text.
///
/// Made with Swift's `Hasher`, which is seeded once per process: digests compare only within one process, and they
/// are never stored (`SeenFiles` lives in memory only).
public struct TextDigest: Hashable, Sendable {
    private let hash: Int
    private let count: Int

    public init(_ text: String) {
        var text = text
        var hasher = Hasher()
        count = text.withUTF8 { bytes in
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            return bytes.count
        }
        hash = hasher.finalize()
    }
}
