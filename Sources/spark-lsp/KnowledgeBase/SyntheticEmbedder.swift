import KnowledgeAgent
import Synchronization

/// A seeded stand-in for an embedding model, for `kb bench-query` only: each word gets a fixed pseudo-random
/// direction, a text the normalised sum of its words' directions (texts sharing words are near). It measures the
/// index's vector side without a model server's latency; retrieval quality is measured with the real model.
final class SyntheticEmbedder: TextEmbedder {
    let dimension: Int
    let seed: UInt64
    /// The directions of the words seen so far.
    private let directions = Mutex<[Substring: [Float]]>([:])

    init(dimension: Int, seed: UInt64) {
        self.dimension = dimension
        self.seed = seed
    }

    var identity: String { "synthetic-\(dimension)@seed-\(seed)" }

    func embed(_ texts: [String]) async throws -> [[Float]] {
        texts.map(vector)
    }

    func vector(_ text: String) -> [Float] {
        var sum = [Float](repeating: 0, count: dimension)
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) {
            let direction = directions.withLock { cache in
                if let known = cache[word] { return known }
                let made = Self.direction(of: word, dimension: dimension, seed: seed)
                cache[word] = made
                return made
            }
            for index in 0..<dimension { sum[index] += direction[index] }
        }
        let norm = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? sum.map { $0 / norm } : sum
    }

    private static func direction(of word: Substring, dimension: Int, seed: UInt64) -> [Float] {
        var state = word.utf8.reduce(seed ^ 0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
        return (0..<dimension).map { _ in Float(SeededNumbers.next(&state) >> 40) / Float(1 << 23) - 1 }
    }
}

/// SplitMix64 (Steele, Lea and Flood, 2014): seeded pseudo-random numbers for the benchmark's data.
enum SeededNumbers {
    static func next(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    static func below(_ bound: Int, _ state: inout UInt64) -> Int { Int(next(&state) % UInt64(bound)) }
}
