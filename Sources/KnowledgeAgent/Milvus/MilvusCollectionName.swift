/// Collection names: one collection per embedder identity and dimension, so vectors of different models are
/// never mixed. `spark_kb_<model slug>_<hash of the identity>_<dimension>`, within Milvus's rules (letters,
/// digits and underscores, starting with a letter, at most 255 characters).
enum MilvusCollectionName {
    /// The part shared by every dimension of one embedder.
    static func prefix(embedderIdentity: String) -> String {
        var slug = ""
        for character in embedderIdentity.lowercased() {
            let keep = character.isASCII && (character.isLetter || character.isNumber)
            if keep {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "_" {
                slug.append("_")
            }
        }
        while slug.hasSuffix("_") { slug.removeLast() }
        return "spark_kb_\(slug.prefix(48))_\(fnv1a(embedderIdentity))_"
    }

    static func name(embedderIdentity: String, dimension: Int) -> String {
        prefix(embedderIdentity: embedderIdentity) + "\(dimension)"
    }

    /// 64-bit FNV-1a, as 16 hex digits: stable across runs and platforms (unlike `Hasher`).
    private static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
