/// 4-bit codes of vectors, for the first, approximate pass of `MemoryVectorStore`'s search: an eighth of the floats'
/// bytes, so that the scan, which memory bandwidth bounds, reads 19 MB instead of 38 (8-bit codes) or 154 (the
/// floats) at 100,000 vectors of 384 dimensions.
///
/// Each vector gets its own scale (its largest magnitude maps to 7), so vectors of any length keep the same
/// relative precision; a value is `round(value / scale)` in -7...7. The dot product of two vectors is then about
/// `scale × queryScale × Σ code × queryCode` (the query keeps 8 bits): an error of about 0.01 on a cosine between
/// unit vectors of 384 dimensions, which the exact re-scoring of the best candidates settles.
///
/// A row's layout is what the kernels (`CVectorKernels`) unpack with a mask and a shift: the dimensions in blocks
/// of 64, each block 32 bytes, byte k holding dimension k of the block in its low nibble and dimension 32 + k in its
/// high one, each stored as `value + 8`; the last block is padded with zeros (8).
package enum NibbleCodes {
    /// The bytes of a row of `dimension` values.
    static func stride(for dimension: Int) -> Int { (dimension + 63) / 64 * 32 }

    /// Appends the codes of `vector` to `codes`; returns its scale (0 for a zero vector, whose codes are all 0).
    static func append(_ vector: UnsafeBufferPointer<Float>, to codes: inout [UInt8]) -> Float {
        let start = codes.count
        codes.append(contentsOf: repeatElement(0, count: stride(for: vector.count)))
        return write(vector, to: &codes, at: start)
    }

    /// Writes the codes of `vector` over the row at `start` of `codes`; returns its scale.
    static func write(_ vector: UnsafeBufferPointer<Float>, to codes: inout [UInt8], at start: Int) -> Float {
        let scale = Self.scale(of: vector, largestCode: 7)
        let inverse = scale > 0 ? 1 / scale : 0
        let count = vector.count
        codes.withUnsafeMutableBufferPointer { codes in
            var byte = start
            var block = 0
            while block < count {
                for k in 0..<32 {
                    let low = block + k
                    let high = low + 32
                    let lowNibble = low < count ? nibble(vector[low], inverse) : 8
                    let highNibble = high < count ? nibble(vector[high], inverse) : 8
                    codes[byte + k] = lowNibble | highNibble << 4
                }
                byte += 32
                block += 64
            }
        }
        return scale
    }

    /// `value × inverse` rounded (half up) to -7...7, plus 8 (NaN counts as 0). Without `rounded()`, which
    /// x86-64's baseline makes a `roundf` call: loading 100,000 vectors quantises 38 million values.
    @inline(__always)
    private static func nibble(_ value: Float, _ inverse: Float) -> UInt8 {
        let shifted = value * inverse + 8.5
        guard shifted.isFinite else { return value.isNaN ? 8 : (value > 0 ? 15 : 1) }
        return UInt8(min(15, max(1, shifted)))
    }

    /// The values (-7...7) of the row at `start` of `codes`, for `dimension` dimensions: what the kernels multiply.
    package static func values(in codes: [UInt8], at start: Int, dimension: Int) -> [Int] {
        (0..<dimension).map { dimension in
            let byte = codes[start + dimension / 64 * 32 + dimension % 32]
            return Int(dimension % 64 < 32 ? byte & 0x0F : byte >> 4) - 8
        }
    }

    /// The query's codes as signed bytes (-127...127), padded with zeros to the rows' `2 × stride` dimensions, and
    /// its scale.
    package static func query(_ vector: [Float]) -> (codes: [Int8], scale: Float) {
        vector.withUnsafeBufferPointer { vector in
            let scale = Self.scale(of: vector, largestCode: 127)
            let inverse = scale > 0 ? 1 / scale : 0
            var codes = [Int8](repeating: 0, count: 2 * stride(for: vector.count))
            for (dimension, value) in vector.enumerated() {
                codes[dimension] = Int8(Self.code(value * inverse, largest: 127))
            }
            return (codes, scale)
        }
    }

    private static func scale(of vector: UnsafeBufferPointer<Float>, largestCode: Float) -> Float {
        var largest: Float = 0
        for value in vector where value.isFinite { largest = max(largest, abs(value)) }
        return largest / largestCode
    }

    /// `value` rounded to an integer in -largest...largest (NaN counts as 0).
    @inline(__always)
    private static func code(_ value: Float, largest: Float) -> Int {
        guard value.isFinite else { return value.isNaN ? 0 : Int(value > 0 ? largest : -largest) }
        return Int(min(largest, max(-largest, value.rounded())))
    }
}
