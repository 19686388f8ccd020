/// Vectors as SQLite blobs: `Float32` values, little-endian, one after the other.
enum VectorBlob {
    static func bytes(of vector: [Float]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(vector.count * 4)
        for value in vector {
            let bits = value.bitPattern.littleEndian
            bytes += [UInt8(truncatingIfNeeded: bits), UInt8(truncatingIfNeeded: bits >> 8),
                UInt8(truncatingIfNeeded: bits >> 16), UInt8(truncatingIfNeeded: bits >> 24)]
        }
        return bytes
    }

    /// Decodes `bytes` into `vector`, replacing what it held (keeping its capacity).
    static func decode(_ bytes: [UInt8], into vector: inout [Float]) {
        vector.removeAll(keepingCapacity: true)
        var index = 0
        while index + 3 < bytes.count {
            let bits =
                UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16
                | UInt32(bytes[index + 3]) << 24
            vector.append(Float(bitPattern: UInt32(littleEndian: bits)))
            index += 4
        }
    }

    static func floats(of bytes: [UInt8]) -> [Float] {
        var vector: [Float] = []
        vector.reserveCapacity(bytes.count / 4)
        var index = 0
        while index + 3 < bytes.count {
            let bits = UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16
                | UInt32(bytes[index + 3]) << 24
            vector.append(Float(bitPattern: UInt32(littleEndian: bits)))
            index += 4
        }
        return vector
    }
}
