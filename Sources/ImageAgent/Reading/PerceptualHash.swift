/// A difference hash (dHash): the image shrunk to 9 x 8 grey pixels, one bit per neighbour pair (is the left
/// brighter?). Images that look alike have hashes a few bits apart, whatever their size or encoding.
struct PerceptualHash: Hashable, Sendable {
    var bits: UInt64

    /// From 9 x 8 grey pixels, row by row.
    init(grey pixels: [UInt8]) {
        var bits: UInt64 = 0
        for row in 0..<8 {
            for column in 0..<8 {
                bits <<= 1
                if pixels[row * 9 + column] > pixels[row * 9 + column + 1] { bits |= 1 }
            }
        }
        self.bits = bits
    }

    /// The number of differing bits, 0 (alike) to 64.
    func distance(to other: PerceptualHash) -> Int { (bits ^ other.bits).nonzeroBitCount }

    var hex: String {
        let text = String(bits, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
