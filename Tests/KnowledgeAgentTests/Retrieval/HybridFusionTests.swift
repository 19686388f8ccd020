import KnowledgeAgent
import Testing

@Suite struct HybridFusionTests {
    @Test func scoresAreNormalisedAndWeighed() {
        // 1 is the best lexical match and 3 the best vector match; 2 is second in both.
        let lexical: [Int64: Double] = [1: 12, 2: 8, 3: 2]
        let dense: [Int64: Double] = [1: 0.40, 2: 0.60, 3: 0.80]
        let symbol = HybridFusion.fuse(candidates: [1, 2, 3], lexical: lexical, dense: dense, lexicalWeight: 0.7)
        #expect(symbol.map(\.id) == [1, 2, 3])
        #expect(abs(symbol[0].score - 0.7) < 1e-12)  // lexical 1.0, dense 0.0
        #expect(abs(symbol[1].score - (0.7 * 0.6 + 0.3 * 0.5)) < 1e-12)
        let words = HybridFusion.fuse(candidates: [1, 2, 3], lexical: lexical, dense: dense, lexicalWeight: 0.3)
        #expect(words.map(\.id) == [3, 2, 1])
        #expect(abs(words[0].score - 0.7) < 1e-12)
    }

    @Test func aCandidateOneRankingMissedScoresItsLowest() {
        // 4 matches no query word (no BM25 score): lexically it is the lowest, 0. 5 has no vector: the lowest
        // similarity among the candidates.
        let fused = HybridFusion.fuse(
            candidates: [5, 4, 6], lexical: [5: 10, 6: 5], dense: [4: 0.9, 6: 0.5], lexicalWeight: 0.5)
        let scores = Dictionary(uniqueKeysWithValues: fused.map { ($0.id, $0.score) })
        #expect(abs(scores[5]! - 0.5) < 1e-12)
        #expect(abs(scores[4]! - 0.5) < 1e-12)
        #expect(abs(scores[6]! - 0.25) < 1e-12)
        // Ties keep the candidates' order.
        #expect(fused.map(\.id) == [5, 4, 6])
    }

    @Test func equalScoresAndNoCandidatesDoNotDivideByZero() {
        let fused = HybridFusion.fuse(candidates: [1, 2], lexical: [1: 3, 2: 3], dense: [:], lexicalWeight: 0.3)
        #expect(fused.map(\.id) == [1, 2] && fused.allSatisfy { $0.score == 0 })
        #expect(HybridFusion.fuse(candidates: [], lexical: [:], dense: [:], lexicalWeight: 0.3).isEmpty)
    }

    @Test(arguments: [
        "What does path.toNamespacedPath do?", "timeout.refresh()", "os.devNull", "setMulticastLoopback",
        "EventEmitterAsyncResource", "how is max_length used", "call zlib.crc32 on a buffer", "__init__ lookups",
        "when does setTimeout fire",
    ])
    func aQueryNamingACodeSymbolWeighsItsWordsMost(query: String) {
        #expect(QueryTerms.namesCodeSymbol(query))
        #expect(HybridFusion.lexicalWeight(for: query) == HybridFusion.symbolLexicalWeight)
    }

    @Test(arguments: [
        "How do I get the file name without its directory?", "Stop a timer, e.g. an interval, from firing again.",
        "It failed. Then what?", "the value(s) it returns", "Linux and macOS", "JavaScript or TypeScript on GitHub",
        "snake _ case", "",
    ])
    func aQueryInPlainWordsWeighsTheVectorsMost(query: String) {
        #expect(!QueryTerms.namesCodeSymbol(query))
        #expect(HybridFusion.lexicalWeight(for: query) == HybridFusion.wordsLexicalWeight)
    }
}
