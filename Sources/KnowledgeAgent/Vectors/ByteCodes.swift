/// 8-bit codes of vectors, for the first, approximate pass of `MemoryVectorStore`'s search.
///
/// Each vector gets its own scale (its largest magnitude maps to 127), so vectors of any length keep the same
/// relative precision; a value is `round(value / scale)`, stored offset by 128 as a `UInt8` (what the VNNI kernel
/// reads). The dot product of two vectors is then about `scale × queryScale × Σ code × queryCode`: an error of
/// about 0.001 on a cosine between unit vectors of 384 dimensions, far below the gaps the exact re-scoring settles.
enum ByteCodes {
    /// Appends the codes of `vector` to `codes`; returns its scale (0 for a zero vector, whose codes are all 128).
    static func append(_ vector: UnsafeBufferPointer<Float>, to codes: inout [UInt8]) -> Float {
        let scale = Self.scale(of: vector)
        let inverse = scale > 0 ? 1 / scale : 0
        for value in vector { codes.append(UInt8(truncatingIfNeeded: Self.code(value * inverse) + 128)) }
        return scale
    }

    /// Writes the codes of `vector` over `codes[start..<start + vector.count]`; returns its scale.
    static func write(_ vector: UnsafeBufferPointer<Float>, to codes: inout [UInt8], at start: Int) -> Float {
        let scale = Self.scale(of: vector)
        let inverse = scale > 0 ? 1 / scale : 0
        for (offset, value) in vector.enumerated() {
            codes[start + offset] = UInt8(truncatingIfNeeded: Self.code(value * inverse) + 128)
        }
        return scale
    }

    /// The query's codes as signed bytes (-127...127), the form the kernels multiply the stored codes by.
    static func query(_ vector: [Float]) -> [Int8] {
        vector.withUnsafeBufferPointer { vector in
            let scale = Self.scale(of: vector)
            let inverse = scale > 0 ? 1 / scale : 0
            return vector.map { Int8(Self.code($0 * inverse)) }
        }
    }

    private static func scale(of vector: UnsafeBufferPointer<Float>) -> Float {
        var largest: Float = 0
        for value in vector where value.isFinite { largest = max(largest, abs(value)) }
        return largest / 127
    }

    /// `value` rounded to an integer in -127...127 (NaN counts as 0).
    @inline(__always)
    private static func code(_ value: Float) -> Int {
        guard value.isFinite else { return value.isNaN ? 0 : (value > 0 ? 127 : -127) }
        return Int(min(127, max(-127, value.rounded())))
    }
}
